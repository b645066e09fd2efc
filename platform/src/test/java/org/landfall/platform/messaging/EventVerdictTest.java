package org.landfall.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.landfall.events.Amount;
import org.landfall.events.EventCodec;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;

/**
 * The rule of decision 18, case by case: a record that breaks the event contract is dead-lettered where it is read;
 * any failure to apply a valid event is retried, and says whether it is a fault of ours (stall and alert) or passing.
 */
class EventVerdictTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID PROJECT = UUID.fromString("5f0e2f1a-8c7b-4b8e-9d2a-6c1f0e9d8b7a");

    /** The contract at {@code revision}: 1 as signed, one more per correction. */
    static ProjectSnapshot contract(int revision) {
        return new ProjectSnapshot(PROJECT, "LN-2022-000001", revision, "Yiwei Lithium Battery Project", "Yiwei Co., Ltd.",
                "Liaoning", "Shenyang", "Tiexi", "new-energy", LocalDate.of(2022, 9, 27), new BigDecimal("10000000000"),
                300, new Amount(new BigDecimal("40"), "GWh"),
                List.of(new ProjectSnapshot.Phase(1, new BigDecimal("5000000000"), null)), null, null, null,
                Instant.parse("2022-09-28T02:15:00Z"), "officer-li", List.of(), null, null, null, null, null);
    }

    private static ObjectNode signed() {
        return tree(EventCodec.encode(ProjectSigned.of(contract(1))));
    }

    private static ObjectNode corrected() {
        return tree(EventCodec.encode(ProjectCorrected.of(contract(2), "typo in the name", List.of("name"),
                Instant.parse("2022-10-01T00:00:00Z"), "officer-li")));
    }

    private static ObjectNode update() {
        return tree(EventCodec.encode(new ProjectUpdateRecorded(UUID.randomUUID(), 1, PROJECT, LocalDate.of(2023, 4, 7),
                Instant.parse("2023-04-20T08:00:00Z"), "inspector-zhao", UUID.randomUUID(), Stage.STARTED, Stage.SIGNED,
                new BigDecimal("200000000"), 120L, 35, "Foundation work under way")));
    }

    private static ObjectNode tree(byte[] json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode with(ObjectNode event, Consumer<ObjectNode> change) {
        change.accept(event);
        return event;
    }

    private static ObjectNode project(ObjectNode event) {
        return (ObjectNode) event.get("project");
    }

    private static byte[] bytes(Object value) {
        return value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> validEvents() {
        return Stream.of(
                Arguments.of("project.signed", signed()),
                Arguments.of("project.corrected", corrected()),
                Arguments.of("project.update-recorded", update()),
                Arguments.of("the largest contract value, 10^13", with(signed(), e -> project(e).put("contractValue", new BigDecimal("1e13")))),
                Arguments.of("the smallest contract value, 0.01", with(signed(), e -> project(e).put("contractValue", new BigDecimal("0.01")))),
                Arguments.of("a contract with only the required fields",
                        with(signed(), e -> project(e).putNull("district").putNull("plannedJobs").putNull("phases"))),
                Arguments.of("investment completed of 0", with(update(), e -> e.put("investmentCompleted", BigDecimal.ZERO))),
                Arguments.of("investment completed of 10^13", with(update(), e -> e.put("investmentCompleted", new BigDecimal("1e13")))),
                Arguments.of("progress of 100 %", with(update(), e -> e.put("progressPercent", 100))),
                Arguments.of("an update with only its date", with(update(), e -> e.putNull("stage").putNull("previousStage")
                        .putNull("investmentCompleted").putNull("jobsCreated").putNull("progressPercent").putNull("note"))),
                Arguments.of("a field added by a newer producer", with(update(), e -> e.put("weather", "rain"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validEvents")
    void shouldApplyAValidEvent(String what, ObjectNode event) {
        EventVerdict.Apply apply = assertInstanceOf(EventVerdict.Apply.class, EventVerdict.ofRecord(bytes(event)));
        assertEquals(event.get("eventId").asText(), apply.event().eventId().toString());
    }

    static Stream<Arguments> recordsThatBreakTheContract() {
        return Stream.of(
                // not decodable
                Arguments.of("no value", null, "empty record value"),
                Arguments.of("malformed JSON", "[1, 2", "not a Landfall event"),
                Arguments.of("JSON that is no event", "[1, 2, 3]", "not a Landfall event"),
                Arguments.of("no type", with(signed(), e -> e.remove("type")), "not a Landfall event"),
                Arguments.of("a wrong JSON type", with(signed(), e -> project(e).put("contractValue", "lots")), "not a Landfall event"),
                Arguments.of("a date that is not one", with(update(), e -> e.put("occurredOn", "2023-02-30")), "not a Landfall event"),
                Arguments.of("an unknown stage", with(update(), e -> e.put("stage", "BUILDING")), "not a Landfall event"),
                // unknown type or version
                Arguments.of("an unknown type", with(signed(), e -> e.put("type", "project.exploded")), "not a Landfall event"),
                Arguments.of("an unknown version", with(signed(), e -> e.put("schemaVersion", 2)), "unknown schemaVersion 2 of project.signed"),
                // a required field missing
                Arguments.of("no eventId", with(signed(), e -> e.remove("eventId")), "without eventId, projectId or recordedAt"),
                Arguments.of("no recordedAt", with(update(), e -> e.remove("recordedAt")), "without eventId, projectId or recordedAt"),
                Arguments.of("a signing without its contract", with(signed(), e -> e.remove("project")), "project.signed without project"),
                Arguments.of("a correction without its contract", with(corrected(), e -> e.remove("project")), "project.corrected without project"),
                Arguments.of("a contract without its name", with(signed(), e -> project(e).remove("name")), "without project.name"),
                Arguments.of("a contract without its value", with(signed(), e -> project(e).remove("contractValue")), "without project.contractValue"),
                Arguments.of("an update without its id", with(update(), e -> e.remove("updateId")), "without updateId"),
                Arguments.of("an update without its date", with(update(), e -> e.remove("occurredOn")), "without occurredOn"),
                // a field with a value outside the contract
                Arguments.of("a contract of another project", with(signed(), e -> project(e).put("id", UUID.randomUUID().toString())), "invalid project.id"),
                Arguments.of("revision 0", with(signed(), e -> project(e).put("revision", 0)), "invalid project.revision"),
                Arguments.of("a blank name", with(signed(), e -> project(e).put("name", " ")), "invalid project.name"),
                Arguments.of("a name of 201 characters", with(signed(), e -> project(e).put("name", "x".repeat(201))), "invalid project.name"),
                Arguments.of("a NUL character in text", with(signed(), e -> project(e).put("province", "Liao\u0000ning")), "invalid project.province"),
                Arguments.of("a NUL character in a note", with(update(), e -> e.put("note", "a\u0000b")), "invalid note"),
                Arguments.of("a contract value of 0", with(signed(), e -> project(e).put("contractValue", 0)), "invalid project.contractValue"),
                Arguments.of("a negative contract value", with(signed(), e -> project(e).put("contractValue", -1)), "invalid project.contractValue"),
                Arguments.of("a contract value above 10^13", with(signed(), e -> project(e).put("contractValue", new BigDecimal("10000000000000.01"))), "invalid project.contractValue"),
                Arguments.of("a contract value with 3 decimals", with(signed(), e -> project(e).put("contractValue", new BigDecimal("1.005"))), "invalid project.contractValue"),
                Arguments.of("negative planned jobs", with(signed(), e -> project(e).put("plannedJobs", -1)), "invalid project.plannedJobs"),
                Arguments.of("a phase numbered 0", with(signed(), e -> ((ObjectNode) project(e).get("phases").get(0)).put("number", 0)), "invalid project.phases[0].number"),
                Arguments.of("a phase investment above 10^13", with(signed(), e -> ((ObjectNode) project(e).get("phases").get(0)).put("investment", new BigDecimal("1e14"))), "invalid project.phases[0].investment"),
                Arguments.of("negative investment completed", with(update(), e -> e.put("investmentCompleted", -1)), "invalid investmentCompleted"),
                Arguments.of("investment completed of 10^20", with(update(), e -> e.put("investmentCompleted", new BigDecimal("1e20"))), "invalid investmentCompleted"),
                Arguments.of("investment completed with 3 decimals", with(update(), e -> e.put("investmentCompleted", new BigDecimal("0.001"))), "invalid investmentCompleted"),
                Arguments.of("negative jobs created", with(update(), e -> e.put("jobsCreated", -1)), "invalid jobsCreated"),
                Arguments.of("more jobs created than status accepts", with(update(), e -> e.put("jobsCreated", 100_000_001L)), "invalid jobsCreated"),
                Arguments.of("progress of 101 %", with(update(), e -> e.put("progressPercent", 101)), "invalid progressPercent"),
                Arguments.of("negative progress", with(update(), e -> e.put("progressPercent", -1)), "invalid progressPercent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsThatBreakTheContract")
    void shouldDeadLetterARecordThatBreaksTheEventContract(String what, Object value, String reason) {
        EventVerdict.DeadLetter dead = assertInstanceOf(EventVerdict.DeadLetter.class,
                EventVerdict.ofRecord(value == null ? null : bytes(value)));
        assertTrue(dead.reason().contains(reason), dead.reason());
    }

    private static SQLException sql(String state) {
        return new SQLException("ERROR with SQLSTATE " + state, state);
    }

    static Stream<Arguments> failuresOfOurOwn() {
        return Stream.of(
                Arguments.of("numeric overflow (22003)", sql("22003")),
                Arguments.of("a NUL character refused (22021)", sql("22021")),
                Arguments.of("a unique violation (23505)", sql("23505")),
                Arguments.of("a check violation (23514)", sql("23514")),
                Arguments.of("an undefined column (42703)", sql("42703")),
                Arguments.of("a numeric overflow in a PersistenceException", new PersistenceException("flush failed", sql("22003"))),
                Arguments.of("a unique violation in a PersistenceException", new PersistenceException(sql("23505"))),
                Arguments.of("an SQLException without SQLSTATE", new SQLException("Sorry, something")),
                Arguments.of("NullPointerException", new NullPointerException("project")),
                Arguments.of("IllegalStateException", new IllegalStateException("no such stage")),
                Arguments.of("IllegalArgumentException", new IllegalArgumentException("bad")),
                Arguments.of("ArithmeticException", new ArithmeticException("overflow")),
                Arguments.of("RuntimeException", new RuntimeException("a bug")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresOfOurOwn")
    void shouldRetryAFailureOfOurOwnAndCallItOurs(String what, Exception failure) {
        EventVerdict.Retry retry = assertInstanceOf(EventVerdict.Retry.class, EventVerdict.ofFailure(failure));
        assertTrue(retry.ours(), what);
    }

    static Stream<Arguments> passingFailures() {
        return Stream.of(
                Arguments.of("a serialization failure (40001)", sql("40001")),
                Arguments.of("a deadlock (40P01)", sql("40P01")),
                Arguments.of("a connection failure (08006)", sql("08006")),
                Arguments.of("no connection (08001)", sql("08001")),
                Arguments.of("too many connections (53300)", sql("53300")),
                Arguments.of("the database shutting down (57P01)", sql("57P01")),
                Arguments.of("a serialization failure in a PersistenceException", new PersistenceException(sql("40001"))),
                Arguments.of("a lost connection in a PersistenceException", new PersistenceException("commit failed", sql("08006"))),
                Arguments.of("a transient SQLException", new SQLTransientConnectionException("acquisition timeout")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passingFailures")
    void shouldRetryAPassingFailureWithoutCallingItOurs(String what, Exception failure) {
        EventVerdict.Retry retry = assertInstanceOf(EventVerdict.Retry.class, EventVerdict.ofFailure(failure));
        assertFalse(retry.ours(), what);
    }

    @Test
    void shouldNameTheRootCauseOfARetry() {
        EventVerdict.Retry retry = EventVerdict.ofFailure(new PersistenceException("flush failed",
                new SQLException("numeric field overflow", "22003")));
        assertEquals("SQLException: numeric field overflow", retry.cause());
    }
}
