package org.landfall.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extremes a careless client sends: a problem naming what is wrong, never a 5xx. */
@QuarkusTest
class ExtremeInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/projects", "/api/projects/oc4ids"})
    void shouldRefuseAPageWhoseFirstRowIsBeyondAnyCountWith422(String listing) {
        Api.analyst().queryParam("page", Integer.MAX_VALUE).when().get(listing)
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("page"));
        Api.analyst().queryParam("page", Integer.MAX_VALUE / 200 + 1).queryParam("size", 200).when().get(listing)
                .then().statusCode(422).body("errors[0].field", equalTo("page"));
        // The last page that can be asked for: empty (an OC4IDS package of nothing is a 404).
        Api.analyst().queryParam("page", Integer.MAX_VALUE / 200).queryParam("size", 200).when().get(listing)
                .then().statusCode(oneOf(200, 404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "+999999999-12-30", "-999999999-01-02", "+10000-01-01",
            "0000-12-31", "-0001-01-01"})
    void shouldRefuseADateOutsideFourDigitYearsWith400NamingTheParameter(String date) {
        for (String name : new String[] {"signedFrom", "signedTo"}) {
            Api.analyst().queryParam(name, date).when().get("/api/projects")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc",
            "--boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nname\r\n",
            "--boundary--\r\n", "--boundary\r\n\r\n\r\n--boundary--\r\n"})
    void shouldAnswer400ToABodyThatIsNotValidMultipart(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Api.officer().contentType("multipart/form-data; boundary=boundary").body(bytes)
                .when().post("/api/projects/imports")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        // An empty boundary made the form parser index past the end of the header.
        Api.officer().contentType("multipart/form-data; boundary=").body(bytes)
                .when().post("/api/projects/imports")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        Api.officer().contentType("multipart/form-data").body(bytes)
                .when().post("/api/projects/imports")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("multipart"));
    }
}
