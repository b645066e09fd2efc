package org.landfall.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.landfall.platform.problem.Languages;
import org.landfall.platform.problem.ProblemException;

class JurisdictionTest {

    static final Jurisdiction HEILONGJIANG = Jurisdiction.of("230000");
    static final Jurisdiction SHUANGYASHAN = Jurisdiction.of("230500");
    static final Jurisdiction BAOQING = Jurisdiction.of("230523");

    @Test
    void holdsTheProjectsWhoseCodeNestsInsideByItsDigits() {
        assertTrue(SHUANGYASHAN.holds("230523"), "a county of the city");
        assertTrue(SHUANGYASHAN.holds("230500"), "the city itself");
        assertTrue(HEILONGJIANG.holds("230523"), "a county of the province");
        assertTrue(BAOQING.holds("230523"));
        assertFalse(BAOQING.holds("230500"), "the city around the county");
        assertFalse(SHUANGYASHAN.holds("230000"), "the province around the city");
        assertFalse(SHUANGYASHAN.holds("230100"), "another city of the province");
        assertFalse(HEILONGJIANG.holds("320117"), "another province");
        assertFalse(SHUANGYASHAN.holds(null), "a place without a code lies in no city");
    }

    @Test
    void theWholeCountryHoldsEverythingEvenPlacesWithoutACode() {
        Jurisdiction china = Jurisdiction.of("000000");
        assertTrue(china.isWholeCountry());
        assertTrue(china.holds("320117"));
        assertTrue(china.holds(null));
        assertTrue(china.holdsArea(null));
        assertEquals(Optional.empty(), china.codePrefix());
        assertEquals(Optional.of("2305"), SHUANGYASHAN.codePrefix());
        assertEquals(Optional.of("23"), HEILONGJIANG.codePrefix());
    }

    @Test
    void anAreaIsInsideOnlyWhenAllOfItIs() {
        assertTrue(HEILONGJIANG.holdsArea("230500"));
        assertFalse(SHUANGYASHAN.holdsArea("230000"), "the province reaches beyond the city");
        assertFalse(SHUANGYASHAN.holdsArea(null), "the whole country does");
        assertFalse(SHUANGYASHAN.holdsArea("000000"));
    }

    @Test
    void aWriteOutsideIsA403NamingBothJurisdictionsInEitherLanguage() {
        ProblemException refused = assertThrows(ProblemException.class, () -> SHUANGYASHAN.requireProject("320117"));
        assertEquals(403, refused.problem().getStatus());
        String english = refused.problem().getDetail().in(Languages.ENGLISH);
        assertTrue(english.contains("320117 Lishui") && english.contains("230500 Shuangyashan"), english);
        String chinese = refused.problem().getDetail().in(Languages.CHINESE);
        assertTrue(chinese.contains("320117 溧水区") && chinese.contains("230500 双鸭山市"), chinese);
        assertDoesNotThrow(() -> SHUANGYASHAN.requireProject("230523"));
    }

    @Test
    void aPlaceWithoutACodeIsWrittenOnlyByTheWholeCountry() {
        ProblemException refused = assertThrows(ProblemException.class, () -> HEILONGJIANG.requireProject(null));
        assertTrue(refused.problem().getDetail().in(Languages.ENGLISH).contains("000000"));
        assertDoesNotThrow(() -> Jurisdiction.WHOLE_COUNTRY.requireProject(null));
    }

    @Test
    void aReportOfTheWholeCountryIsRefusedToAProvince() {
        ProblemException refused = assertThrows(ProblemException.class, () -> HEILONGJIANG.requireArea(null));
        String english = refused.problem().getDetail().in(Languages.ENGLISH);
        assertTrue(english.contains("000000 the whole country") && english.contains("230000 Heilongjiang"), english);
    }

    @Test
    void comesFromTheClaimAndAnAdminHasTheWholeCountry() {
        assertEquals(SHUANGYASHAN, Jurisdiction.of(token(Set.of(Roles.INTAKE_OFFICER), "230500")));
        assertEquals(Jurisdiction.WHOLE_COUNTRY, Jurisdiction.of(token(Set.of(Roles.ANALYST), null)), "no claim");
        assertEquals(Jurisdiction.WHOLE_COUNTRY, Jurisdiction.of(token(Set.of(Roles.ADMIN), "230500")));
        assertThrows(IllegalArgumentException.class, () -> Jurisdiction.claimed(token(Set.of(Roles.ANALYST), "23")));
        assertThrows(IllegalArgumentException.class, () -> Jurisdiction.of("2305"));
    }

    static JsonWebToken token(Set<String> groups, String jurisdiction) {
        return new ClaimsToken(jurisdiction == null ? Map.of("groups", groups)
                : Map.of("groups", groups, Jurisdiction.CLAIM, jurisdiction));
    }
}
