package org.landfall.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Whether intake already holds a plan or targets as the demo sets them: if so, a load sets them no more. */
class HeldTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Map<String, Object> plan = Map.of("year", 2023, "plannedInvestment", new BigDecimal("184320000"),
            "startPlanned", true);
    private final DemoTarget target = new DemoTarget(2023, "Heilongjiang", "Shuangyashan", null, 300,
            new BigDecimal("150000000000"), 180, new BigDecimal("20000000000"), 15000);

    @Test
    void shouldHoldAPlanThatAnEntryAgreesWithWhateverTheScaleOfItsAmountAndWhatElseTheEntrySays() throws Exception {
        assertTrue(Held.in(json("""
                [{"year": 2022, "plannedInvestment": 1000000, "startPlanned": false},
                 {"year": 2023, "plannedInvestment": 184320000.00, "startPlanned": true,
                  "recordedAt": "2026-11-28T08:00:00Z", "recordedBy": "demo-loader"}]"""), plan));
    }

    @Test
    void shouldFindTheEntriesHoweverTheAnswerNestsThem() throws Exception {
        assertTrue(Held.in(json("""
                {"projectId": "8d6f", "items": [{"year": 2023, "plannedInvestment": 184320000, "startPlanned": true}]}"""), plan));
        assertTrue(Held.in(json("""
                {"year": 2023, "plannedInvestment": 184320000, "startPlanned": true}"""), plan));
    }

    @Test
    void shouldNotHoldAPlanThatDiffersInAnyFieldOrIsMissing() throws Exception {
        assertFalse(Held.in(json("""
                [{"year": 2023, "plannedInvestment": 184320000, "startPlanned": false},
                 {"year": 2023, "plannedInvestment": 184320000.01, "startPlanned": true},
                 {"year": 2024, "plannedInvestment": 184320000, "startPlanned": true},
                 {"year": 2023, "startPlanned": true}]"""), plan));
        assertFalse(Held.in(json("[]"), plan));
        assertFalse(Held.in(json("{}"), plan));
    }

    @Test
    void shouldHoldACitysTargetsOnlyInAnEntryWithoutADistrictAndWithTheSameFigures() throws Exception {
        String city = """
                {"year": 2023, "province": "Heilongjiang", "city": "Shuangyashan", %s "signedCount": 300,
                 "signedValue": 150000000000, "starts": 180, "investmentCompleted": 20000000000.00, "jobsCreated": %d}""";
        assertTrue(Held.in(json("[" + city.formatted("", 15000) + "]"), target.held()));
        assertTrue(Held.in(json(city.formatted("\"district\": null,", 15000)), target.held()));
        assertFalse(Held.in(json("[" + city.formatted("\"district\": \"Jianshan\",", 15000) + "]"), target.held()));
        assertFalse(Held.in(json("[" + city.formatted("", 14999) + "]"), target.held()));
        // a figure that the demo leaves without a target is not one intake may hold a target for
        Map<String, Object> fewer = new LinkedHashMap<>(target.held());
        fewer.put("jobsCreated", null);
        assertFalse(Held.in(json(city.formatted("", 15000)), fewer));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
