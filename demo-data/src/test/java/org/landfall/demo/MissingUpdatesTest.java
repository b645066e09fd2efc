package org.landfall.demo;

import static java.time.LocalDate.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which of a project's demo updates its status history lacks: the ones a load posts. */
class MissingUpdatesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final DemoProject graphite = new DemoProject("graphite-anode", "Graphite anode", "Investor", "Heilongjiang",
            "Shuangyashan", "Lingdong", "230503", "new-materials", of(2022, 11, 8), new BigDecimal("3000000000"))
            .stage("STARTED", of(2023, 3, 20), "Construction started")
            .stage("SUSPENDED", of(2023, 4, 10), "Equipment installation postponed")
            .stage("STARTED", of(2023, 4, 21), "Installation unblocked")
            .figures(of(2023, 6, 30), new BigDecimal("450000000"), 85);

    @Test
    void shouldMissEveryUpdateOfAProjectWithAnEmptyHistory() throws Exception {
        assertEquals(graphite.updates, missing("[]"));
    }

    @Test
    void shouldMissOnlyTheUpdatesAfterThoseAFailedLoadPosted() throws Exception {
        assertEquals(graphite.updates.subList(2, 4), missing("""
                [{"stage": "STARTED", "previousStage": "SIGNED", "effectiveOn": "2023-03-20", "note": "Construction started"},
                 {"stage": "SUSPENDED", "previousStage": "STARTED", "effectiveOn": "2023-04-10"}]"""));
    }

    @Test
    void shouldMissNothingWhenEveryUpdateIsRecordedWhateverTheNotesAndTheScaleOfTheAmounts() throws Exception {
        assertEquals(List.of(), missing("""
                [{"stage": "STARTED", "effectiveOn": "2023-03-20", "note": "started, as the inspector put it"},
                 {"stage": "SUSPENDED", "effectiveOn": "2023-04-10"},
                 {"stage": "STARTED", "effectiveOn": "2023-04-21", "note": null},
                 {"stage": null, "effectiveOn": "2023-06-30", "investmentCompleted": 450000000.00, "jobsCreated": 85,
                  "progressPercent": 40}]"""));
    }

    @Test
    void shouldTakeOneRecordedUpdateForOneOfTheDemosOnly() throws Exception {
        // the second start (after the suspension) is not the first one again, although both are STARTED
        assertEquals(graphite.updates.subList(1, 4), missing("""
                [{"stage": "STARTED", "effectiveOn": "2023-03-20"}, {"stage": "STARTED", "effectiveOn": "2023-03-20"}]"""));
    }

    @Test
    void shouldMissAnUpdateWhoseDateStageOrFiguresDiffer() throws Exception {
        assertEquals(graphite.updates, missing("""
                [{"stage": "STARTED", "effectiveOn": "2023-03-21"},
                 {"stage": "STARTED", "effectiveOn": "2023-04-10"},
                 {"stage": "SUSPENDED", "effectiveOn": "2023-04-21"},
                 {"effectiveOn": "2023-06-30", "investmentCompleted": 450000000.01, "jobsCreated": 85}]"""));
        assertEquals(graphite.updates.subList(3, 4), missing("""
                [{"stage": "STARTED", "effectiveOn": "2023-03-20"}, {"stage": "SUSPENDED", "effectiveOn": "2023-04-10"},
                 {"stage": "STARTED", "effectiveOn": "2023-04-21"},
                 {"effectiveOn": "2023-06-30", "investmentCompleted": 450000000}]"""));
    }

    private List<Map<String, Object>> missing(String history) throws Exception {
        JsonNode h = JSON.readTree(history);
        return MissingUpdates.in(graphite.updates, h);
    }
}
