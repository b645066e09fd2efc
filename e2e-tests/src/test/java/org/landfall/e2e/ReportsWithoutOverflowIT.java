package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;
import org.landfall.infra.SharedInfra;

/**
 * A province's quarter holds any number of contracts at the largest contract value: two import files of 1,000
 * contracts at 10^13 yuan (the most intake takes in one file, and the largest amount it accepts) add up, in every
 * view of the quarterly report, to exactly 2,000 signings worth 2 x 10^16 yuan, more than a numeric(18,2) sum
 * holds, and no consumer dead-letters any of them.
 */
class ReportsWithoutOverflowIT {

    /** Intake's bound on a contract value (rest/Yuan.java). */
    static final BigDecimal LARGEST_CONTRACT = new BigDecimal("10000000000000");
    /** Intake's bound on the contracts of one import file (landfall.import.max-rows). */
    static final int ROWS_PER_FILE = 1000;
    static final int FILES = 2;
    static final String SIGNED_ON = "2024-05-15", QUARTER = "2024-Q2";
    /** Reads every JSON number exactly: a double would round 2 x 10^16 + 1 yuan to 2 x 10^16. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static RunningLandfall landfall;
    static final String OFFICER = DevTokens.token("officer-overflow", "intake-officer");
    static final String ANALYST = DevTokens.token("analyst-overflow", "analyst");

    @BeforeAll
    static void services() throws Exception {
        landfall = RunningLandfall.get();
    }

    @Test
    void shouldSumAnyNumberOfContractsAtTheLargestValue() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String province = "Overflow Province " + run, city = "Overflow City " + run;
        long contracts = (long) FILES * ROWS_PER_FILE;
        BigDecimal sum = LARGEST_CONTRACT.multiply(BigDecimal.valueOf(contracts));

        try (DeadLetterWatch deadLetters = new DeadLetterWatch()) {
            Set<String> projectIds = new HashSet<>();
            for (int file = 1; file <= FILES; file++) {
                projectIds.addAll(importContracts(contractsFile(file, province, city)));
            }
            assertEquals(contracts, projectIds.size(), "projects created by the imports");

            // A dead letter for one of them ends the wait: the figures would never add up.
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                    .untilAsserted(() -> {
                        if (deadLetters.upToNow(projectIds).isEmpty()) {
                            for (String groupBy : List.of("none", "city")) {
                                List<Signed> expected = List.of(Signed.of(QUARTER, groupBy.equals("city") ? city : null, contracts, sum));
                                assertEquals(expected, signedByJson(province, groupBy), "JSON report, groupBy=" + groupBy);
                                assertEquals(expected, signedByCsv(province, groupBy), "CSV report, groupBy=" + groupBy);
                            }
                            assertEquals(contracts, total(landfall.status, province), "projects status knows in the province");
                        }
                    });
            assertEquals(List.of(), deadLetters.upToNow(projectIds), "dead letters for the imported projects");
        }
        assertEquals(signedByJson(province, "none").get(0).count(), total(landfall.intake, province),
                "intake's count of the province's projects is the report's");
    }

    private static String contractsFile(int file, String province, String city) {
        StringBuilder csv = new StringBuilder("name,investor,province,city,sector,signedOn,contractValue\r\n");
        for (int line = 1; line <= ROWS_PER_FILE; line++) {
            csv.append("Largest contract %d-%04d,Overflow Test Investor Co.,%s,%s,new-energy,%s,%s\r\n"
                    .formatted(file, line, province, city, SIGNED_ON, LARGEST_CONTRACT.toPlainString()));
        }
        return csv.toString();
    }

    private static List<String> importContracts(String csv) {
        return given().auth().oauth2(OFFICER).contentType("text/csv; charset=UTF-8").body(csv)
                .post(landfall.intake.url("/api/projects/imports"))
                .then().statusCode(201).body("count", equalTo(ROWS_PER_FILE))
                .extract().jsonPath().getList("accepted.id", String.class);
    }

    private static long total(ServiceProcess service, String province) {
        return given().auth().oauth2(ANALYST).queryParam("province", province).queryParam("size", 1)
                .get(service.url("/api/projects"))
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static List<Signed> signedByJson(String province, String groupBy) throws Exception {
        List<Signed> rows = new ArrayList<>();
        for (JsonNode row : JSON.readTree(report(province, groupBy, "/api/reports/quarterly")).path("rows")) {
            rows.add(Signed.of(row.path("quarter").asText(), row.path("group").path("city").textValue(),
                    row.path("signed").path("count").asLong(), row.path("signed").path("contractValue").decimalValue()));
        }
        return rows;
    }

    private static List<Signed> signedByCsv(String province, String groupBy) {
        List<String> lines = report(province, groupBy, "/api/reports/quarterly.csv").replace("\uFEFF", "").lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Signed> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            rows.add(Signed.of(cells.get(header.indexOf("quarter")),
                    header.contains("city") ? cells.get(header.indexOf("city")) : null,
                    Long.parseLong(cells.get(header.indexOf("signed_count"))),
                    new BigDecimal(cells.get(header.indexOf("signed_contract_value")))));
        }
        return rows;
    }

    private static String report(String province, String groupBy, String path) {
        return given().auth().oauth2(ANALYST)
                .queryParams(Map.of("from", QUARTER, "to", QUARTER, "province", province, "groupBy", groupBy))
                .get(landfall.reporting.url(path))
                .then().statusCode(200).extract().asString();
    }

    /** A report row's signings; the value to the cent, so that equal amounts compare equal whatever their scale. */
    record Signed(String quarter, String city, long count, BigDecimal contractValue) {
        static Signed of(String quarter, String city, long count, BigDecimal contractValue) {
            return new Signed(quarter, city, count, contractValue.setScale(2));
        }
    }

    /** The dead-letter topic from the moment this is made on: whatever any consumer gave up of some projects. */
    private static final class DeadLetterWatch implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<TopicPartition> partitions;
        private final List<String> seen = new ArrayList<>();

        DeadLetterWatch() {
            Properties p = new Properties();
            p.put("bootstrap.servers", SharedInfra.get().kafkaBootstrapServers());
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
            partitions = consumer.partitionsFor(FaultCampaignIT.TOPIC_DEAD).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // seekToEnd is lazy: fix "from now" before anything is imported
        }

        /** The dead letters of these projects (keyed by project id) written so far, with who gave each up and why. */
        List<String> upToNow(Set<String> projectIds) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (projectIds.contains(r.key())) {
                        seen.add(r.key() + " by " + header(r, "landfall-dlq-consumer") + ": " + header(r, "landfall-dlq-reason"));
                    }
                }
            }
            return seen;
        }

        private static String header(ConsumerRecord<String, byte[]> r, String name) {
            Header h = r.headers().lastHeader(name);
            return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
