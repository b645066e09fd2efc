package org.landfall.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.landfall.intake.domain.Contract;
import org.landfall.intake.domain.Places;
import org.landfall.intake.domain.ProjectCodes;
import org.landfall.platform.problem.FieldError;

/**
 * How a contract's names and code come to its place, without a server (the rules themselves: the regions module's
 * PlaceResolverTest).
 */
class PlacesTest {

    private static Contract at(String province, String city, String district, String regionCode) {
        return new Contract("n", "i", province, city, district, "other", LocalDate.of(2023, 1, 1), BigDecimal.ONE, null,
                null, null, null, null, null, List.of(), null, null, null, null, regionCode).normalised();
    }

    private static Places.Placement place(String province, String city, String district, String regionCode) {
        return Places.place(at(province, city, district, regionCode));
    }

    private static List<String> place(Places.Placement p) {
        Contract c = p.contract();
        return placed(c.province(), c.city(), c.district(), c.regionCode());
    }

    /** Province, city, district and region code. */
    private static List<String> placed(String... place) {
        return Arrays.asList(place);
    }

    @Test
    void shouldGiveTheCityOfADistrictThatTheCatalogueDoesNotKnowAndKeepTheName() {
        assertEquals(placed("Guangdong", "Huizhou", "Zhongkai", "441300"), place(place("Guangdong", "Huizhou", "Zhongkai", null)));
    }

    @Test
    void shouldKeepNamesThatMatchNoCodeOrContradictEachOtherWithoutACode() {
        assertEquals(placed("Benchmark", "City 7", null, null), place(place("Benchmark", "City 7", null, null)));
        assertEquals(placed("Heilongjiang", "Shuangyashan", "Tiexi", null), place(place("Heilongjiang", "Shuangyashan", "Tiexi", null)));
    }

    @Test
    void shouldFillTheNamesNotGivenFromTheCodeInTheScriptOfThoseGiven() {
        assertEquals(placed("黑龙江省", "双鸭山市", "宝清县", "230523"), place(place(null, null, null, "230523")));
        assertEquals(placed("Heilongjiang", "shuangyashan", "Baoqing", "230523"), place(place(null, "shuangyashan", null, "230523")));
        assertEquals(placed("黑龙江省", "双鸭山", "宝清县", "230523"), place(place(null, "双鸭山", null, "230523")));
        assertEquals(placed("辽宁省", null, null, "210000"), place(place(null, null, null, "210000")));
    }

    @Test
    void shouldStandAMunicipalityAsItsOwnCityAndADirectlyGovernedCountyAsACity() {
        assertEquals(placed("北京市", "北京市", "朝阳区", "110105"), place(place(null, null, null, "110105")));
        assertEquals(placed("Beijing", "Beijing", null, "110000"), place(place("Beijing", null, null, "110000")));
        assertEquals(placed("河南省", "济源市", null, "419001"), place(place(null, null, null, "419001")));
    }

    @Test
    void shouldRefineACodeByTheNamesInsideIt() {
        assertEquals(placed("Heilongjiang", "Shuangyashan", "Baoqing County", "230523"),
                place(place(null, null, "Baoqing County", "230500")));
        // Tiexi is a district of three cities; with Shenyang's code it is Shenyang's
        assertEquals("210106", place(null, null, "Tiexi", "210100").contract().regionCode());
    }

    @Test
    void shouldKeepAnUnknownNameBelowTheCodesLevel() {
        assertEquals(placed("广东省", "惠州市", "仲恺", "441300"), place(place(null, null, "仲恺", "441300")));
        assertEquals(placed("Guangdong", "Huizhou", "Zhongkai", "441300"), place(place("Guangdong", "Huizhou", "Zhongkai", "441300")));
    }

    @Test
    void shouldNameEachFieldThatContradictsTheCode() {
        Places.Placement p = place("Liaoning", "Shenyang", "Tiexi", "230500");
        assertEquals(List.of("province", "city", "district"), p.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of("district"), place("Heilongjiang", "Shuangyashan", "Zhongkai", "230523").errors().stream()
                .map(FieldError::field).toList(), "an unknown name at the code's own level contradicts it");
        assertEquals(List.of("city"), place(null, "Shuangyashen", null, "230500").errors().stream()
                .map(FieldError::field).toList());
    }

    @Test
    void shouldRefuseACodeThatIsNotInTheCatalogue() {
        assertEquals(List.of("regionCode"), place("Heilongjiang", "Shuangyashan", null, "239999").errors().stream()
                .map(FieldError::field).toList());
        assertTrue(place("Heilongjiang", "Shuangyashan", null, "230500").errors().isEmpty());
    }

    @Test
    void shouldPrefixTheProjectCodeByTheProvinceOfItsRegion() {
        assertEquals("HL", ProjectCodes.prefix(place(null, null, null, "230523").contract()));
        assertEquals("SN", ProjectCodes.prefix(place("陕西", "西安", null, null).contract()));
        assertEquals("BE", ProjectCodes.prefix(place("Benchmark", "City", null, null).contract()));
    }
}
