package org.landfall.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot.Phase;
import org.landfall.intake.domain.Contract;
import org.landfall.intake.domain.ContractRules;
import org.landfall.platform.problem.FieldError;

/** The cross-field rules alone, without a server. */
class ContractRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    private static Contract contract(LocalDate signedOn, String value, List<Phase> phases, LocalDate start, LocalDate operational) {
        return new Contract("Yiwei", "Yiwei Co.", "Liaoning", "Shenyang", null, "new-energy", signedOn,
                new BigDecimal(value), null, null, phases, start, operational, null, List.of(), null, null, null, null, null);
    }

    private static List<String> fields(Contract c) {
        return ContractRules.check(c, TODAY).stream().map(FieldError::field).toList();
    }

    private static Phase phase(int number, String investment) {
        return new Phase(number, investment == null ? null : new BigDecimal(investment), null);
    }

    @Test
    void shouldAcceptTheYiweiContract() {
        assertTrue(fields(contract(LocalDate.of(2022, 9, 27), "10000000000", List.of(phase(1, "5000000000")),
                LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31))).isEmpty());
    }

    @Test
    void shouldAcceptPhasesThatSumExactlyToTheContractValue() {
        assertTrue(fields(contract(TODAY, "100.01", List.of(phase(2, "50"), phase(1, "50.01"), phase(3, null)), null, null)).isEmpty());
    }

    @Test
    void shouldRefuseAPhaseSumAboveTheContractValueByOneFen() {
        assertEquals(List.of("phases"), fields(contract(TODAY, "100", List.of(phase(1, "50"), phase(2, "50.01")), null, null)));
    }

    @Test
    void shouldRefusePhaseNumbersThatDoNotRunFromOne() {
        assertEquals(List.of("phases"), fields(contract(TODAY, "100", List.of(phase(2, null)), null, null)));
        assertEquals(List.of("phases"), fields(contract(TODAY, "100", List.of(phase(1, null), phase(1, null)), null, null)));
    }

    @Test
    void shouldAcceptTodayAndRefuseTomorrow() {
        assertTrue(fields(contract(TODAY, "1", null, null, null)).isEmpty());
        assertEquals(List.of("signedOn"), fields(contract(TODAY.plusDays(1), "1", null, null, null)));
    }

    @Test
    void shouldRefusePlannedDatesOutOfOrder() {
        LocalDate signed = LocalDate.of(2023, 1, 1);
        assertEquals(List.of("plannedStartOn"), fields(contract(signed, "1", null, signed.minusDays(1), null)));
        assertEquals(List.of("plannedOperationalOn"), fields(contract(signed, "1", null, signed.plusDays(9), signed.plusDays(8))));
        assertTrue(fields(contract(signed, "1", null, signed, signed)).isEmpty());
    }

    @Test
    void shouldRefuseAnUnknownSector() {
        Contract c = new Contract("n", "i", "p", "c", null, "spaceships", TODAY, BigDecimal.ONE, null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of("sector"), fields(c));
    }

    @Test
    void shouldTreatInvestorNameAndDateAsOneContractWhateverTheCaseAndSpaces() {
        Contract a = new Contract(" Yiwei  Battery ", "Yiwei Co.", "p", "c", null, "other", TODAY, BigDecimal.ONE, null, null, null, null, null, null, null, null, null, null, null, null);
        Contract b = new Contract("yiwei battery", "YIWEI   co.", "q", "d", null, "other", TODAY, BigDecimal.TEN, null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(a.duplicateKey(), b.duplicateKey());
    }

    private static Contract designated(List<String> designations) {
        return new Contract("n", "i", "p", "c", null, "other", TODAY, BigDecimal.ONE, null, null, null, null, null, null,
                designations, null, null, null, null, null);
    }

    @Test
    void shouldRefuseAnUnknownDesignationNamingTheField() {
        assertEquals(List.of("designations"), fields(designated(List.of("provincial-key", "national-key"))));
        assertTrue(fields(designated(List.of("provincial-key", "municipal-key", "district-key"))).isEmpty());
        assertTrue(fields(designated(List.of())).isEmpty());
    }

    @Test
    void shouldCollapseRepeatedDesignationsIntoTheCatalogueOrder() {
        Contract c = designated(List.of(" district-key", "provincial-key", "district-key ", "provincial-key")).normalised();
        assertEquals(List.of("provincial-key", "district-key"), c.designations());
        assertEquals(c, designated(List.of("provincial-key", "district-key")).normalised());
    }

    @Test
    void shouldReadNoDesignationsAsNone() {
        assertEquals(List.of(), designated(null).designations());
        assertEquals(List.of(), designated(null).normalised().designations());
    }

    @Test
    void shouldKeepAnUnknownDesignationAfterTheKnownOnesForTheRulesToRefuse() {
        assertEquals(List.of("municipal-key", "zz", "aa"), designated(List.of("zz", "municipal-key", "aa")).normalised()
                .designations());
    }
}
