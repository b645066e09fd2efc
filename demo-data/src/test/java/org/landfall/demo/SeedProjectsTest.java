package org.landfall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The demo data says what the seed articles say, before any service sees it. */
class SeedProjectsTest {

    private final List<DemoProject> seeds = SeedProjects.all();

    @Test
    void shouldSignExactlyTheShuangyashanFirstQuarterOf2023() {
        List<DemoProject> q1 = seeds.stream()
                .filter(p -> "Shuangyashan".equals(p.contract.get("city")))
                .filter(p -> signedOn(p).getYear() == 2023 && signedOn(p).getMonthValue() <= 3).toList();
        assertEquals(86, q1.size());
        assertEquals(0, new BigDecimal("45600000000").compareTo(q1.stream()
                .map(p -> (BigDecimal) p.contract.get("contractValue")).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void shouldGiveLishuiSixteenStartsAndNineBillionSevenHundredEightyMillionInTheFirstHalfOf2023() {
        List<DemoProject> lishui = seeds.stream().filter(p -> "Lishui".equals(p.contract.get("district"))).toList();
        assertEquals(51, lishui.size());
        long starts = lishui.stream().filter(p -> p.updates.stream().anyMatch(u -> "STARTED".equals(u.get("stage"))
                && inFirstHalf2023(u))).count();
        assertEquals(16, starts);
        BigDecimal invested = lishui.stream().map(p -> cumulative(p, "2023-06-30").subtract(cumulative(p, "2022-12-31")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("9780000000").compareTo(invested), invested.toPlainString());
    }

    @Test
    void shouldDateEveryUpdateOnOrAfterItsSigningAndInOrder() {
        for (DemoProject p : seeds) {
            LocalDate previousStage = signedOn(p);
            for (Map<String, Object> u : p.updates) {
                LocalDate on = LocalDate.parse((String) u.get("effectiveOn"));
                assertFalse(on.isBefore(signedOn(p)), p.key);
                if (u.containsKey("stage")) {
                    assertFalse(on.isBefore(previousStage), p.key);
                    previousStage = on;
                }
            }
        }
    }

    @Test
    void shouldKeepGeneratedProjectsWithinTheContractRules() {
        for (DemoProject p : SyntheticProjects.generate(500, 7, LocalDate.now())) {
            assertTrue(((BigDecimal) p.contract.get("contractValue")).signum() > 0);
            assertFalse(signedOn(p).isAfter(LocalDate.now()));
            for (Map<String, Object> u : p.updates) {
                assertFalse(LocalDate.parse((String) u.get("effectiveOn")).isAfter(LocalDate.now()), p.key);
            }
        }
    }

    private static LocalDate signedOn(DemoProject p) {
        return LocalDate.parse((String) p.contract.get("signedOn"));
    }

    private static boolean inFirstHalf2023(Map<String, Object> u) {
        LocalDate d = LocalDate.parse((String) u.get("effectiveOn"));
        return d.getYear() == 2023 && d.getMonthValue() <= 6;
    }

    /** The cumulative investment at the end of a day: the latest figure dated on or before it. */
    private static BigDecimal cumulative(DemoProject p, String day) {
        return p.updates.stream().filter(u -> u.containsKey("investmentCompleted"))
                .filter(u -> ((String) u.get("effectiveOn")).compareTo(day) <= 0)
                .reduce((a, b) -> b).map(u -> (BigDecimal) u.get("investmentCompleted")).orElse(BigDecimal.ZERO);
    }
}
