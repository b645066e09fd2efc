package org.landfall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReportQueriesTest {

    @Test
    void shouldAskForTheLastEightFullQuartersAndAVintageInsideThem() {
        ReportQueries q = new ReportQueries(LocalDate.of(2026, 11, 25), 200, 6);
        assertEquals("from=2024-Q4&to=2026-Q3", q.range());
        // two weeks after 2025-Q3, the fourth of the eight, ended: midnight in landfall.zone
        assertEquals(Instant.parse("2025-10-14T16:00:00Z"), q.asOf());
        assertEquals(10, ReportQueries.mix().size());
    }

    @Test
    void shouldCountTheGeography() {
        assertEquals(31, Geography.PROVINCES.size());
        assertEquals(91, Geography.PROVINCES.stream().mapToInt(p -> p.cities().size()).sum());
        assertEquals(367, Geography.PROVINCES.stream().flatMap(p -> p.cities().stream()).mapToInt(c -> c.districts().size()).sum());
    }
}
