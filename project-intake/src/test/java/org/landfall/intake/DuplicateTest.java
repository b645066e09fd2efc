package org.landfall.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplicateTest {

    @Test
    void shouldRefuseTheSameContractWrittenDifferentlyNamingTheExistingProject() {
        String name = Api.unique("Graphite Anode Material Project");
        String id = Api.sign(Api.contract(name));

        Api.officer().body(Api.contract("  " + name.toUpperCase().replace(" ", "   ") + " ",
                        "investor", "\"fengfan  co., LTD.\""))
                .when().post("/api/projects")
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("existingProjectId", equalTo(id))
                .body("detail", containsString(id));
    }

    /** Chinese input methods type full-width letters and digits and ideographic spaces: the same contract still. */
    @Test
    void shouldRefuseTheSameContractTypedInFullWidthCharacters() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String id = Api.sign(Api.contract("Anode Project 2 " + tag));
        String fullWidth = "Ａｎｏｄｅ\u3000Ｐｒｏｊｅｃｔ\u3000２ " + tag;
        Api.officer().body(Api.contract(fullWidth, "investor", "\"Ｆｅｎｇｆａｎ Ｃｏ．， Ｌｔｄ．\""))
                .when().post("/api/projects")
                .then().statusCode(409).body("existingProjectId", equalTo(id));
    }

    @Test
    void shouldAcceptTheSameNameSignedOnAnotherDay() {
        String name = Api.unique("Twice signed");
        Api.sign(Api.contract(name));
        Api.sign(Api.contract(name, "signedOn", "\"2023-02-16\""));
    }

    @Test
    void shouldStoreOneOfRacingDuplicatesAndRefuseTheOthersWith409() throws Exception {
        String name = Api.unique("Racing duplicates");
        List<Response> answers = Parallel.run(10, i -> Api.officer().body(Api.contract(name)).when().post("/api/projects"));

        List<Response> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
        assertEquals(1, created.size());
        String id = created.get(0).path("id");
        for (Response r : answers) {
            if (r.statusCode() != 201) {
                assertEquals(409, r.statusCode(), r.asString());
                assertEquals(id, r.path("existingProjectId"));
            }
        }
    }
}
