package org.landfall.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CodeTest {

    @Test
    void shouldGiveConcurrentSigningsDistinctCodes() throws Exception {
        List<Response> answers = Parallel.run(20, i -> Api.officer()
                .body(Api.contract(Api.unique("Parallel " + i), "province", "\"Jiangsu\"", "signedOn", "\"2021-03-01\""))
                .when().post("/api/projects"));

        HashSet<String> codes = new HashSet<>();
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r.asString());
            String code = r.path("code");
            assertTrue(code.matches("JS-2021-\\d{6}"), code);
            codes.add(code);
        }
        assertEquals(20, codes.size());
    }

    @Test
    void shouldNumberEachProvinceAndYearOnItsOwn() {
        String first = Api.officer().body(Api.contract(Api.unique("Xinjiang"), "province", "\"Xinjiang\"",
                "signedOn", "\"2019-05-05\"")).when().post("/api/projects").then().statusCode(201).extract().path("code");
        assertEquals("XJ-2019-000001", first);
    }
}
