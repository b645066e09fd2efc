package org.landfall.intake;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.intake.repository.StoredPlaces;

/**
 * A contract's place and its GB/T 2260 code: names in Chinese or pinyin resolve to one code, a code fills the
 * names, contradictions are refused, and unknown places keep their names without a code. The places are
 * Heilongjiang's Jixi and Harbin, which the demo data (whose figures the e2e tests check) leaves alone.
 */
@QuarkusTest
class RegionCodeTest {

    @Inject
    DataSource dataSource;

    private static ValidatableResponse post(String body) {
        return Api.officer().body(body).when().post("/api/projects").then();
    }

    private static ValidatableResponse correct(String id, String changes) {
        return Api.officer().body("{\"reason\": \"place\", \"changes\": " + changes + "}")
                .when().post("/api/projects/" + id + "/corrections").then();
    }

    /** A contract without a place: the members that give one follow as pairs of a name and its raw JSON value. */
    private static String at(String name, String... place) {
        String[] members = new String[place.length + 4];
        members[0] = "province";
        members[2] = "city";
        System.arraycopy(place, 0, members, 4, place.length);
        return Api.contract(name, members);
    }

    @Test
    void shouldResolveChineseAndPinyinNamesToTheSameCode() {
        post(at(Api.unique("Chinese"), "province", "\"黑龙江省\"", "city", "\"鸡西市\"", "district", "\"鸡东县\""))
                .statusCode(201).body("regionCode", equalTo("230321"))
                .body("province", equalTo("黑龙江省")).body("city", equalTo("鸡西市")).body("district", equalTo("鸡东县"));
        post(at(Api.unique("Pinyin"), "province", "\"Heilongjiang\"", "city", "\"Jixi\"", "district", "\"Jidong County\""))
                .statusCode(201).body("regionCode", equalTo("230321")).body("district", equalTo("Jidong County"));
        post(at(Api.unique("Short"), "province", "\"黑龙江\"", "city", "\"jixi\"")).statusCode(201)
                .body("regionCode", equalTo("230300")).body("district", nullValue());
    }

    @Test
    void shouldFillTheNamesFromARegionCodeAlone() {
        String id = post(at(Api.unique("Code alone"), "regionCode", "\"230321\"")).statusCode(201)
                .body("province", equalTo("黑龙江省")).body("city", equalTo("鸡西市")).body("district", equalTo("鸡东县"))
                .body("regionCode", equalTo("230321")).body("code", startsWith("HL-2023-")).extract().path("id");
        Api.analyst().get("/api/projects/" + id).then().statusCode(200)
                .body("regionCode", equalTo("230321")).body("city", equalTo("鸡西市"));
        post(at(Api.unique("Code and pinyin"), "city", "\"Jixi\"", "regionCode", "\"230321\"")).statusCode(201)
                .body("province", equalTo("Heilongjiang")).body("city", equalTo("Jixi")).body("district", equalTo("Jidong"));
        post(at(Api.unique("Development zone"), "district", "\"Jixi Economic Development Zone\"", "regionCode", "\"230300\""))
                .statusCode(201).body("regionCode", equalTo("230300")).body("city", equalTo("Jixi"))
                .body("district", equalTo("Jixi Economic Development Zone"));
    }

    @Test
    void shouldRequireProvinceAndCityOnlyWithoutARegionCode() {
        post(at(Api.unique("Nowhere"))).statusCode(422)
                .body("errors.field", containsInAnyOrder("province", "city"));
        post(at(Api.unique("Blank code"), "city", "\"Jixi\"", "regionCode", "\" \"")).statusCode(422)
                .body("errors.field", contains("province"));
    }

    @Test
    void shouldRefuseAnUnknownOrMalformedRegionCodeNamingIt() {
        for (String code : List.of("\"239999\"", "\"2303\"", "\"23030a\"", "\"２３０３００\"", "\"230300;\"")) {
            post(at(Api.unique("Bad code"), "regionCode", code)).statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.field", contains("regionCode"));
        }
        assertEquals(0, Api.analyst().queryParam("q", "Bad code").get("/api/projects").then().extract().<Integer>path("total"));
    }

    @Test
    void shouldRefuseNamesThatContradictTheCodeNamingEachField() {
        post(at(Api.unique("Contradiction"), "province", "\"Liaoning\"", "city", "\"Shenyang\"", "district", "\"Jidong\"",
                "regionCode", "\"230300\"")).statusCode(422)
                .body("errors.field", contains("province", "city"))
                .body("errors[0].message", equalTo("'Liaoning' is not in or around regionCode 230300 (鸡西市, Jixi)"));
        post(at(Api.unique("Contradiction"), "province", "\"Heilongjiang\"", "city", "\"Harbin\"", "regionCode", "\"230321\""))
                .statusCode(422).body("errors.field", contains("city"));
    }

    @Test
    void shouldKeepNamesThatMatchNoCodeWithANullCode() {
        String id = post(at(Api.unique("Elsewhere"), "province", "\"Atlantis\"", "city", "\"Poseidonia\"")).statusCode(201)
                .body("regionCode", nullValue()).body("province", equalTo("Atlantis")).body("city", equalTo("Poseidonia"))
                .extract().path("id");
        Api.analyst().get("/api/projects/" + id).then().body("regionCode", nullValue());
        // names that contradict each other keep theirs too: Harbin is no city of Jiangsu
        post(at(Api.unique("Mixed up"), "province", "\"Jiangsu\"", "city", "\"Harbin\"")).statusCode(201)
                .body("regionCode", nullValue()).body("city", equalTo("Harbin"));
    }

    @Test
    void shouldFilterByRegionCodeIncludingThePlacesInside() {
        String tag = Api.unique("Filtered");
        String county = Api.sign(at(tag + " county", "regionCode", "\"230321\""));
        String city = Api.sign(at(tag + " city", "province", "\"Heilongjiang\"", "city", "\"Jixi\""));
        String harbin = Api.sign(at(tag + " harbin", "province", "\"黑龙江\"", "city", "\"哈尔滨\""));
        Api.sign(at(tag + " nowhere", "province", "\"Atlantis\"", "city", "\"Poseidonia\""));
        found(tag, "230000").body("items.id", containsInAnyOrder(county, city, harbin));
        found(tag, "230300").body("items.id", containsInAnyOrder(county, city));
        found(tag, "230321").body("items.id", contains(county));
        found(tag, "230100").body("items.id", contains(harbin));
        found(tag, "210000").body("total", equalTo(0));
        Api.analyst().queryParam("regionCode", "230300").queryParam("q", tag).get("/api/projects/oc4ids").then()
                .statusCode(200).body("projects.collect { it.locations[0].gazetteer.identifiers[0] }", containsInAnyOrder("230321", "230300"))
                .body("projects[0].locations[0].gazetteer.scheme", equalTo("CN-GBT2260"));
    }

    private static ValidatableResponse found(String q, String regionCode) {
        return Api.analyst().queryParam("q", q).queryParam("regionCode", regionCode).get("/api/projects").then()
                .statusCode(200);
    }

    @Test
    void shouldAnswer400ForARegionCodeFilterThatIsNoCode() {
        for (String code : List.of("239999", "2303", "Heilongjiang", "２３００００")) {
            Api.analyst().queryParam("regionCode", code).get("/api/projects").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("regionCode"));
        }
        Api.analyst().queryParam("regionCode", " ").get("/api/projects").then().statusCode(200);
    }

    @Test
    void shouldResolveThePlaceAgainWhenACorrectionChangesIt() {
        String id = Api.sign(at(Api.unique("Moved"), "province", "\"Heilongjiang\"", "city", "\"Jixi\""));
        // names without a code: the old code goes, the names resolve again
        correct(id, "{\"district\": \"Mashan\"}").statusCode(200).body("regionCode", equalTo("230307"));
        correct(id, "{\"city\": \"Harbin\", \"district\": null}").statusCode(200).body("regionCode", equalTo("230100"));
        // a new code: the names not given are the code's
        correct(id, "{\"regionCode\": \"230321\"}").statusCode(200).body("regionCode", equalTo("230321"))
                .body("province", equalTo("黑龙江省")).body("city", equalTo("鸡西市")).body("district", equalTo("鸡东县"));
        correct(id, "{\"regionCode\": \"230300\", \"city\": \"Jixi\"}").statusCode(200)
                .body("province", equalTo("Heilongjiang")).body("city", equalTo("Jixi")).body("district", nullValue());
        // a code that the names it keeps contradict is refused, and changes nothing
        correct(id, "{\"regionCode\": \"230100\", \"city\": \"Jixi\"}").statusCode(422).body("errors.field", contains("city"));
        correct(id, "{\"regionCode\": \"239999\"}").statusCode(422).body("errors.field", contains("regionCode"));
        // another field leaves the place alone
        correct(id, "{\"plannedJobs\": 12}").statusCode(200).body("regionCode", equalTo("230300"));
        Api.analyst().get("/api/projects/" + id + "/corrections").then().statusCode(200)
                .body("[0].changes.field", contains("district", "regionCode"))
                .body("[0].changes[1].from", equalTo("230300")).body("[0].changes[1].to", equalTo("230307"))
                .body("[4].changes.field", not(hasItem("regionCode")));
    }

    @Test
    void shouldPublishTheRegionCodeInTheEvents() {
        String id = Api.sign(at(Api.unique("Published place"), "regionCode", "\"230321\""));
        correct(id, "{\"city\": \"Harbin\", \"district\": null, \"province\": \"Heilongjiang\"}").statusCode(200);
        List<ConsumerRecord<String, byte[]>> records = EventPublishingTest.of(
                EventPublishingTest.readUntil(org.landfall.events.Topics.PROJECTS, all -> EventPublishingTest.of(all, id).size() >= 2), id);
        ProjectSigned signed = (ProjectSigned) EventPublishingTest.decode(records.get(0));
        ProjectCorrected corrected = (ProjectCorrected) EventPublishingTest.decode(records.get(1));
        assertEquals("230321", signed.project().regionCode());
        assertEquals("鸡东县", signed.project().district());
        assertEquals("230100", corrected.project().regionCode());
        assertEquals(List.of("province", "city", "district", "regionCode"), corrected.changedFields());
    }

    @Test
    void shouldAcceptAnImportThatGivesPlacesByTheirCode() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "name,investor,regionCode,district,sector,signedOn,contractValue\r\n"
                + "\"Coded " + tag + "\",Import Investor Co.,230321,,new-energy,2023-02-15,1000000\r\n"
                + "\"Coded zone " + tag + "\",Import Investor Co.,230300,Jixi Zone,new-energy,2023-02-15,1000000\r\n";
        ImportTest.upload(csv).then().statusCode(201);
        found(tag, "230300").body("items.regionCode", containsInAnyOrder("230321", "230300"))
                .body("items.city", containsInAnyOrder("鸡西市", "Jixi"));
        ImportTest.upload("name,investor,regionCode,sector,signedOn,contractValue\r\n"
                        + "Refused " + tag + ",Import Investor Co.,239999,new-energy,2023-02-15,1000000\r\n").then()
                .statusCode(422).body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("regionCode"));
        ImportTest.upload("name,investor,district,sector,signedOn,contractValue\r\n").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("province", "city"));
    }

    @Test
    void shouldGiveStoredProjectsTheCodeOfTheirNames() throws SQLException {
        UUID chinese = stored("黑龙江省", "鸡西市", "鸡东县");
        UUID pinyin = stored("Heilongjiang", "Jixi", "Some Development Zone");
        UUID nowhere = stored("Atlantis", "Poseidonia", null);
        try (Connection c = dataSource.getConnection()) {
            StoredPlaces.resolve(c);
        }
        assertEquals("230321", regionCode(chinese));
        assertEquals("230300", regionCode(pinyin));
        assertNull(regionCode(nowhere));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select success from flyway_schema_history where version = '7'"); ResultSet r = s.executeQuery()) {
            assertEquals(true, r.next() && r.getBoolean(1), "the migration that resolves stored places ran");
        }
    }

    /** A project as stored before places had codes: written straight into the table, without a code. */
    private UUID stored(String province, String city, String district) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into project (id, code, revision, name, investor, province, city, district, sector, signed_on, "
                        + "contract_value, duplicate_key, created_at, created_by) values (?, ?, 1, ?, 'Old Investor', ?, ?, ?, "
                        + "'other', date '2020-01-01', 1000, ?, now(), 'officer-before-codes')")) {
            s.setObject(1, id);
            s.setString(2, "OLD-" + id);
            s.setString(3, "Stored before codes " + id);
            s.setString(4, province);
            s.setString(5, city);
            s.setString(6, district);
            s.setString(7, "old|" + id);
            s.executeUpdate();
        }
        return id;
    }

    private String regionCode(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select region_code from project where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
