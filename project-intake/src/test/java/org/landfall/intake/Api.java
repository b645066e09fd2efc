package org.landfall.intake;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.landfall.infra.DevTokens;

/** Requests as the roles make them, and contracts with names of their own so that tests never collide. */
final class Api {

    static final String OFFICER = "officer-li";

    private Api() {
    }

    static RequestSpecification officer() {
        return as(OFFICER, "intake-officer");
    }

    static RequestSpecification analyst() {
        return as("analyst-wang", "analyst");
    }

    static RequestSpecification as(String subject, String role) {
        return given().auth().oauth2(DevTokens.token(subject, role)).contentType(ContentType.JSON);
    }

    /** As {@link #as}, for a person whose jurisdiction is {@code jurisdiction} (a GB/T 2260 code). */
    static RequestSpecification in(String jurisdiction, String subject, String role) {
        return given().auth().oauth2(DevTokens.tokenIn(jurisdiction, subject, role)).contentType(ContentType.JSON);
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A small valid contract named {@code name}; {@code members} are pairs of a member name and its raw JSON value
     * that replace or add members ({@code null} as a value drops the member).
     */
    static String contract(String name, String... members) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("name", "\"" + name + "\"");
        json.put("investor", "\"Fengfan Co., Ltd.\"");
        json.put("province", "\"Heilongjiang\"");
        json.put("city", "\"Jixi\""); // not a city of the demo data, whose figures the e2e tests check
        json.put("sector", "\"new-energy\"");
        json.put("signedOn", "\"2023-02-15\"");
        json.put("contractValue", "1050000000");
        for (int i = 0; i < members.length; i += 2) {
            if (members[i + 1] == null) {
                json.remove(members[i]);
            } else {
                json.put(members[i], members[i + 1]);
            }
        }
        return json.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Signs a contract and returns its id. */
    static String sign(String body) {
        return officer().body(body).post("/api/projects").then().statusCode(201).extract().path("id");
    }
}
