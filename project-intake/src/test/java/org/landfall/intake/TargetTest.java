package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.landfall.events.TargetSet;
import org.landfall.events.Topics;

/** The annual targets of places: set by admins only, a place matched case-insensitively, published on landfall.plans. */
@QuarkusTest
class TargetTest {

    @Inject
    EntityManager em;

    private static RequestSpecification admin() {
        return Api.as("admin-zhou", "admin");
    }

    /** A province of its own, so that a test sees only its targets. */
    private static String province() {
        return "Province " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse put(int year, String body) {
        return admin().body(body).put("/api/targets/" + year).then();
    }

    private int rows(String province) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from target where lower(province) = lower(:p)").setParameter("p", province)
                .getSingleResult()).intValue());
    }

    @Test
    void shouldSetAPlacesTargetsAndAnswerThemWithWhoAndWhen() {
        String province = province();
        put(2024, "{\"province\": \"" + province + "\", \"city\": \" Shuangyashan \", \"starts\": 4, "
                + "\"investmentCompleted\": 1000000000, \"signedValue\": 0}").statusCode(200)
                .contentType(ContentType.JSON)
                .body("year", equalTo(2024)).body("province", equalTo(province)).body("city", equalTo("Shuangyashan"))
                .body("district", nullValue()).body("starts", equalTo(4)).body("investmentCompleted", equalTo(1000000000))
                .body("signedValue", equalTo(0)).body("signedCount", nullValue()).body("jobsCreated", nullValue())
                .body("recordedBy", equalTo("admin-zhou")).body("recordedAt", matchesPattern("\\d{4}-.*Z"));
        Api.as("inspector-zhou", "site-inspector").queryParam("province", province).get("/api/targets/2024")
                .then().statusCode(200).body("", hasSize(1)).body("[0].city", equalTo("Shuangyashan"));
        Api.analyst().queryParam("province", province).get("/api/targets/2025").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void shouldReplaceTheWholeSetOfAPlaceWhateverTheCaseOfItsName() {
        String province = province();
        put(2024, "{\"province\": \"" + province + "\", \"signedCount\": 86, \"jobsCreated\": 2100}").statusCode(200);
        put(2024, "{\"province\": \"" + province.toUpperCase() + "\", \"starts\": 16}").statusCode(200)
                .body("province", equalTo(province.toUpperCase())).body("signedCount", nullValue());
        Api.analyst().queryParam("province", province.toLowerCase()).get("/api/targets/2024").then()
                .body("", hasSize(1)).body("[0].province", equalTo(province.toUpperCase()))
                .body("[0].starts", equalTo(16)).body("[0].signedCount", nullValue()).body("[0].jobsCreated", nullValue());
        assertEquals(2, rows(province), "both sets are kept");
    }

    @Test
    void shouldFindThePlacesWhoseGivenPartsMatchInPlaceOrder() {
        String province = province();
        put(2023, "{\"province\": \"" + province + "\", \"city\": \"Nanjing\", \"district\": \"Lishui\", \"starts\": 16}")
                .statusCode(200);
        put(2023, "{\"province\": \"" + province + "\", \"city\": \"Nanjing\", \"starts\": 40}").statusCode(200);
        put(2023, "{\"province\": \"" + province + "\", \"starts\": 100}").statusCode(200);
        put(2023, "{\"province\": \"" + province + "\", \"city\": \"Suzhou\", \"starts\": 50}").statusCode(200);
        put(2024, "{\"province\": \"" + province + "\", \"starts\": 120}").statusCode(200);

        Api.analyst().queryParam("province", province).get("/api/targets/2023").then()
                .body("city", contains(null, "Nanjing", "Nanjing", "Suzhou"))
                .body("district", contains(null, null, "Lishui", null))
                .body("starts", contains(100, 40, 16, 50));
        Api.analyst().queryParam("province", province).queryParam("city", "NANJING").get("/api/targets/2023").then()
                .body("starts", contains(40, 16));
        Api.analyst().queryParam("province", province).queryParam("city", "nanjing").queryParam("district", "lishui")
                .get("/api/targets/2023").then().body("starts", contains(16));
        Api.analyst().get("/api/targets/2023").then().statusCode(200).body("province", hasItem(province));
    }

    @Test
    void shouldAnswerTheTargetsAsTheyStandToTheSameSetAndRecordNothing() {
        String province = province();
        String body = "{\"province\": \"" + province + "\", \"signedValue\": 45600000000}";
        String first = put(2023, body).statusCode(200).extract().asString();
        assertEquals(first, put(2023, body.replace("45600000000", "45600000000.00")).statusCode(200).extract().asString());
        assertEquals(1, rows(province));
    }

    @Test
    void shouldPublishEachChangedSetKeyedByYearAndPlace() {
        String province = province();
        put(2024, "{\"province\": \"" + province + "\", \"city\": \"Shuangyashan\", \"starts\": 4, "
                + "\"investmentCompleted\": 1000000000}").statusCode(200);
        put(2024, "{\"province\": \"" + province + "\", \"city\": \"Shuangyashan\", \"starts\": 4, "
                + "\"investmentCompleted\": 1000000000}").statusCode(200);
        put(2024, "{\"province\": \"" + province.toLowerCase() + "\", \"city\": \"shuangyashan\", \"starts\": 5}")
                .statusCode(200);
        String key = "2024/" + province.toLowerCase() + "/shuangyashan/";

        List<ConsumerRecord<String, byte[]>> records = EventPublishingTest.of(EventPublishingTest.readUntil(Topics.PLANS,
                seen -> EventPublishingTest.of(seen, key).size() >= 2), key);
        List<TargetSet> events = records.stream().map(r -> (TargetSet) EventPublishingTest.decode(r)).toList();
        assertEquals(2, events.size(), "the repeated set published nothing");
        TargetSet first = events.get(0);
        assertEquals(2024, first.year());
        assertEquals(province, first.province());
        assertEquals("Shuangyashan", first.city());
        assertEquals(4L, first.starts());
        assertEquals(0, new BigDecimal("1000000000").compareTo(first.investmentCompleted()));
        assertEquals("admin-zhou", first.recordedBy());
        assertEquals(null, events.get(1).investmentCompleted());
        assertEquals(5L, events.get(1).starts());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "2024 | {\"city\": \"Nanjing\"}                                        | province",
            "2024 | {\"province\": \"  \"}                                         | province",
            "2024 | {\"province\": \"P\", \"district\": \"Lishui\"}                 | district",
            "2024 | {\"province\": \"P\", \"city\": \" \", \"district\": \"Lishui\"} | district",
            "1999 | {\"province\": \"P\"}                                          | year",
            "2101 | {\"province\": \"P\"}                                          | year",
            "2024 | {\"province\": \"P\", \"starts\": -1}                          | starts",
            "2024 | {\"province\": \"P\", \"signedCount\": -1}                     | signedCount",
            "2024 | {\"province\": \"P\", \"jobsCreated\": -1}                     | jobsCreated",
            "2024 | {\"province\": \"P\", \"signedValue\": -0.01}                  | signedValue",
            "2024 | {\"province\": \"P\", \"investmentCompleted\": 1.001}          | investmentCompleted",
            "2024 | {\"province\": \"P\", \"signedValue\": 1e999999999}            | signedValue",
            "2024 | {\"province\": \"P\", \"investmentCompleted\": 10000000000000.01} | investmentCompleted",
            "2024 | {\"province\": \"two\\nlines\"}                                | province"})
    void shouldRefuseABrokenRuleWith422NamingTheField(int year, String body, String field) {
        String province = province();
        admin().body(body.replace("\"P\"", "\"" + province + "\"")).put("/api/targets/" + year).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
        assertEquals(0, rows(province));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"Heilongjiang\"", "{", "{\"province\": 5}", "{\"province\": \"P\", "
            + "\"starts\": 1.5}", "{\"province\": \"P\", \"starts\": \"4\"}", "{\"province\": \"P\", \"colour\": 1}",
            "{\"province\": \"P\", \"starts\": 99999999999999999999}",
            "{\"province\": \"a\\u0000b\"}"})
    void shouldAnswer400ToABodyThatIsNotATargetSet(String body) {
        admin().body(body).put("/api/targets/2024").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldAnswerAYearThatIsNotANumberWith400AndOneOutsideTheYearsWith422() {
        admin().body("{\"province\": \"P\"}").put("/api/targets/next").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        Api.analyst().get("/api/targets/next").then().statusCode(400).contentType(startsWith("application/problem+json"));
        Api.analyst().get("/api/targets/99999999999").then().statusCode(400);
        Api.analyst().get("/api/targets/1999").then().statusCode(422).body("errors[0].field", equalTo("year"));
        Api.analyst().queryParam("province", "x".repeat(201)).get("/api/targets/2024").then().statusCode(422)
                .body("errors[0].field", equalTo("province"));
        Api.analyst().queryParam("city", "a\u0001").get("/api/targets/2024").then().statusCode(422);
    }

    @Test
    void shouldLetOnlyAdminsSetTargetsAndEveryRoleReadThem() {
        String province = province();
        for (String role : List.of("intake-officer", "site-inspector", "analyst")) {
            Api.as("someone", role).body("{\"province\": \"" + province + "\", \"starts\": 1}").put("/api/targets/2024")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("role"));
        }
        given().contentType(ContentType.JSON).body("{\"province\": \"" + province + "\"}").put("/api/targets/2024")
                .then().statusCode(401);
        given().get("/api/targets/2024").then().statusCode(401);
        assertEquals(0, rows(province));
        for (String role : org.landfall.infra.DevTokens.ROLES) {
            Api.as("reader", role).get("/api/targets/2024").then().statusCode(200);
        }
    }
}
