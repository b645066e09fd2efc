package org.landfall.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.landfall.events.TargetSet;
import org.landfall.intake.domain.AnnualPlan;
import org.landfall.intake.domain.PlanYears;
import org.landfall.intake.domain.Target;
import org.landfall.platform.problem.FieldError;

/** The rules of annual plans and targets alone, without a server. */
class PlanRulesTest {

    private static Target target(int year, String province, String city, String district, String signedValue) {
        return new Target(year, province, city, district, 10L, signedValue == null ? null : new BigDecimal(signedValue),
                null, null, null, null, null);
    }

    private static List<String> fields(Target t) {
        return t.check().stream().map(FieldError::field).toList();
    }

    @Test
    void shouldAcceptTheYears2000To2100Only() {
        assertTrue(PlanYears.refuses(2000).isEmpty());
        assertTrue(PlanYears.refuses(2100).isEmpty());
        assertEquals("year", PlanYears.refuses(1999).orElseThrow().field());
        assertFalse(PlanYears.refuses(2101).isEmpty());
        assertFalse(PlanYears.refuses(Integer.MIN_VALUE).isEmpty());
    }

    @Test
    void shouldRefuseADistrictWithoutItsCity() {
        assertEquals(List.of("district"), fields(target(2024, "Jiangsu", null, "Lishui", null)));
        assertTrue(fields(target(2024, "Jiangsu", "Nanjing", "Lishui", null)).isEmpty());
        assertTrue(fields(target(2024, "Jiangsu", null, null, null)).isEmpty());
        assertEquals(List.of("year", "district"), fields(target(1999, "Jiangsu", null, "Lishui", null)));
    }

    @Test
    void shouldMatchPlacesWhateverTheirCase() {
        assertEquals(target(2024, "Heilongjiang", "Shuangyashan", null, null).placeKey(),
                target(2024, "heilongjiang", "SHUANGYASHAN", null, null).placeKey());
        assertFalse(target(2024, "Heilongjiang", "Shuangyashan", null, null).placeKey()
                .equals(target(2024, "Heilongjiang", null, "Shuangyashan", null).placeKey()));
    }

    @Test
    void shouldKeyTheEventByTheYearAndThePlaceAsItsStoredKey() {
        Target t = target(2024, "Heilongjiang", "Shuangyashan", null, null);
        TargetSet e = t.event(Instant.EPOCH, "admin");
        assertEquals("2024/" + t.placeKey(), e.key());
        assertEquals(t.placeKey(), Target.of(e).placeKey());
    }

    @Test
    void shouldTellTheSameTargetsToTheFenButNotAnotherSpellingOrFigure() {
        Target t = target(2024, "Heilongjiang", null, null, "100");
        assertTrue(t.sameAs(target(2024, "Heilongjiang", null, null, "100.00")));
        assertFalse(t.sameAs(target(2024, "heilongjiang", null, null, "100")));
        assertFalse(t.sameAs(target(2024, "Heilongjiang", null, null, "100.01")));
        assertFalse(t.sameAs(target(2024, "Heilongjiang", null, null, null)));
        assertFalse(t.sameAs(target(2025, "Heilongjiang", null, null, "100")));
    }

    @Test
    void shouldTellAPlanThatSaysTheSameToTheFen() {
        AnnualPlan plan = new AnnualPlan(UUID.randomUUID(), 2024, new BigDecimal("1200000000"), true, Instant.EPOCH, "li");
        assertTrue(plan.says(new BigDecimal("1200000000.00"), true));
        assertFalse(plan.says(new BigDecimal("1200000000"), false));
        assertFalse(plan.says(new BigDecimal("1200000000.01"), true));
    }
}
