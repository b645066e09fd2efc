package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import db.migration.V4__Place_stored_projects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.infra.DevTokens;

/**
 * The watch list by GB/T 2260 code, and by names that resolve to one: a place and every place inside it, whatever
 * script the contract's names are in and whether its event carried a code. Real places are shared by every test, so each run keeps to a sector of its own.
 */
@QuarkusTest
class WatchListPlacesTest {

    static final LocalDate TODAY = WatchListTest.TODAY;

    @Inject
    DataSource dataSource;

    static ProjectSnapshot contract(String sector, String province, String city, String district, String regionCode,
                                    int daysPastPlannedStart) {
        UUID id = UUID.randomUUID();
        return new ProjectSnapshot(id, "HL-2023-" + id.toString().substring(0, 6), 1, "Placed project " + id,
                "Watch Co., Ltd.", province, city, district, sector, WatchListTest.SIGNED, new BigDecimal("500000000"), 100,
                null, null, TODAY.minusDays(daysPastPlannedStart), null, null, Instant.now(), "officer-li", List.of(), null,
                null, null, null, regionCode);
    }

    static ValidatableResponse watch(String sector, String... query) {
        var request = given().auth().oauth2(DevTokens.token("analyst-wang", "analyst")).queryParam("sector", sector);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/api/watchlist").then().statusCode(200);
    }

    @Test
    void shouldSelectAPlaceAndEveryPlaceInsideItByCodeWhateverTheNames() {
        String sector = "placed-" + UUID.randomUUID().toString().substring(0, 8);
        // yellow: past its planned start; red: more than 90 days past it
        ProjectSnapshot baoqing = IntakeEvents.known(contract(sector, "黑龙江省", "双鸭山市", "宝清县", "230523", 10));
        ProjectSnapshot noCode = IntakeEvents.known(contract(sector, "Heilongjiang", "Shuangyashan", null, null, 120));
        ProjectSnapshot shenyang = IntakeEvents.known(contract(sector, "辽宁省", "沈阳市", null, "210100", 10));
        ProjectSnapshot goldCoast = IntakeEvents.known(contract(sector, "黑龙江", "Gold Coast", null, null, 10));

        watch(sector, "regionCode", "230000").body("total", equalTo(3)).body("items.projectId",
                containsInAnyOrder(baoqing.id().toString(), noCode.id().toString(), goldCoast.id().toString()));
        watch(sector, "regionCode", "230500").body("items.projectId",
                containsInAnyOrder(baoqing.id().toString(), noCode.id().toString()));
        watch(sector, "regionCode", "230523").body("items.projectId", containsInAnyOrder(baoqing.id().toString()));
        watch(sector, "regionCode", "210000", "level", "yellow").body("items.projectId",
                containsInAnyOrder(shenyang.id().toString()));
        watch(sector, "regionCode", "230000", "level", "red").body("items.projectId",
                containsInAnyOrder(noCode.id().toString()));
        watch(sector, "regionCode", "230000", "district", "宝清县").body("items.projectId",
                containsInAnyOrder(baoqing.id().toString()));
        watch(sector, "regionCode", "230523").body("items[0].regionCode", equalTo("230523"))
                .body("items[0].province", equalTo("黑龙江省"));
        watch(sector, "level", "red").body("items[0].regionCode", equalTo("230500"));
        // Names select by the place they resolve to too, in either script; a name below it as given.
        watch(sector, "province", "Heilongjiang").body("total", equalTo(3));
        watch(sector, "city", "双鸭山").body("items.projectId",
                containsInAnyOrder(baoqing.id().toString(), noCode.id().toString()));
        watch(sector, "province", "黑龙江省", "city", "gold coast").body("items.projectId",
                containsInAnyOrder(goldCoast.id().toString()));

        // A correction gives a place its code: the next snapshot's code is the project's.
        ProjectSnapshot corrected = new ProjectSnapshot(goldCoast.id(), goldCoast.code(), 2, goldCoast.name(),
                goldCoast.investor(), "黑龙江省", "双鸭山市", "尖山区", sector, goldCoast.signedOn(),
                goldCoast.contractValue(), goldCoast.plannedJobs(), null, null, goldCoast.plannedStartOn(), null, null,
                goldCoast.createdAt(), goldCoast.createdBy(), List.of(), null, null, null, null, "230502");
        IntakeEvents.publish(IntakeEvents.correction(corrected));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> watch(sector, "regionCode", "230500")
                .body("total", equalTo(3)));
    }

    @Test
    void shouldRefuseARegionCodeThatNamesNoPlace() {
        for (String code : List.of("2305", "23050a", "230571", "000000")) {
            given().auth().oauth2(IntakeEvents.INSPECTOR).header("Accept-Language", "zh-CN")
                    .queryParam("regionCode", code).get("/api/watchlist").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("regionCode"));
        }
    }

    /** Projects learnt before status kept codes get their names' code from the migration that adds them. */
    @Test
    void shouldPlaceTheProjectsStoredBeforeCodesByTheirNames() throws Exception {
        UUID chinese = UUID.randomUUID(), pinyin = UUID.randomUUID(), nowhere = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            insertWithoutCode(c, chinese, "黑龙江省", "双鸭山市", "宝清县");
            insertWithoutCode(c, pinyin, "Liaoning", "Shenyang", null);
            insertWithoutCode(c, nowhere, "Atlantis", "Poseidonia", null);
            new V4__Place_stored_projects().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
            assertEquals("230523", regionCode(c, chinese));
            assertEquals("210100", regionCode(c, pinyin));
            assertEquals(null, regionCode(c, nowhere));
        }
    }

    private static void insertWithoutCode(Connection c, UUID id, String province, String city, String district)
            throws Exception {
        try (PreparedStatement insert = c.prepareStatement("insert into project (id, code, revision, name, investor, "
                + "province, city, district, sector, signed_on, contract_value, stage, stage_since) "
                + "values (?, ?, 1, 'Stored project', 'Investor', ?, ?, ?, 'other', ?, 1000, 'SIGNED', ?)")) {
            insert.setObject(1, id);
            insert.setString(2, "XX-" + id.toString().substring(0, 8));
            insert.setString(3, province);
            insert.setString(4, city);
            insert.setString(5, district);
            insert.setObject(6, WatchListTest.SIGNED);
            insert.setObject(7, WatchListTest.SIGNED);
            insert.executeUpdate();
        }
    }

    private static String regionCode(Connection c, UUID id) throws Exception {
        try (PreparedStatement select = c.prepareStatement("select region_code from project where id = ?")) {
            select.setObject(1, id);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
