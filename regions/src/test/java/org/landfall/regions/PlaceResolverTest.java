package org.landfall.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.landfall.regions.PlaceResolver.Part;

/** The place rules that intake, reporting and reconcile share: a code is never a guess. */
class PlaceResolverTest {

    private static final PlaceResolver PLACES = PlaceResolver.gbt2260();

    private static Region region(String code) {
        return Regions.gbt2260().find(code).orElseThrow(() -> new AssertionError("no region " + code));
    }

    private static String resolved(String province, String city, String district) {
        return PLACES.resolve(new PlaceNames(province, city, district)).map(Region::code).orElse(null);
    }

    /** Each level as its code, or the name kept as given in quotes, or null for none. */
    private static List<String> parts(String province, String city, String district, String regionCode) {
        return PLACES.parts(new PlaceNames(province, city, district), regionCode).stream()
                .map(p -> p.region() != null ? p.region().code() : p.name() == null ? null : "'" + p.name() + "'")
                .toList();
    }

    @Test
    void shouldResolveChineseAndPinyinNamesToTheSameCode() {
        assertEquals("230523", resolved("黑龙江省", "双鸭山市", "宝清县"));
        assertEquals("230523", resolved("Heilongjiang", "Shuangyashan", "Baoqing County"));
        assertEquals("210106", resolved("Liaoning", "Shenyang", "Tiexi"));
        assertEquals("210106", resolved("辽宁", "沈阳", "铁西区"));
        assertEquals("320117", resolved("Jiangsu", "Nanjing", "Lishui"));
        assertEquals("211100", resolved("Liaoning", "Panjin", null));
        assertEquals("120116", resolved("Tianjin", "Tianjin", "Binhai"));
    }

    @Test
    void shouldGiveThePlaceAboveAFinestNameThatTheCatalogueKnowsNowhere() {
        assertEquals("441300", resolved("Guangdong", "Huizhou", "Zhongkai"));
        assertEquals("230000", resolved("黑龙江省", "Gold Coast", "North"));
    }

    @Test
    void shouldGiveTheFinestPlaceHoldingEveryPlaceASharedNameMayBe() {
        // 井陉县 and 井陉矿区 of Shijiazhuang
        assertEquals("130100", resolved("Hebei", "Shijiazhuang", "Jingxing"));
        // 铁西区 of Shenyang and of Anshan
        assertEquals("210000", resolved("Liaoning", null, "Tiexi"));
        // ... and of Siping, in Jilin: no place but the country holds them all
        assertNull(resolved(null, null, "Tiexi"));
    }

    @Test
    void shouldGiveNoPlaceForNamesThatContradictEachOtherOrAnUnknownProvince() {
        assertNull(resolved("Jiangsu", "Jixi", null), "Jixi is a city of Heilongjiang");
        assertNull(resolved("Heilongjiang", "Shuangyashan", "Tiexi"), "Tiexi is a district of other cities");
        assertNull(resolved("Heilongjiang", "Atlantis", "Baoqing"), "a known district under an unknown city");
        assertNull(resolved("Heilongjang", "Shuangyashan", null));
        assertNull(resolved("Benchmark", "City 7", null));
        assertNull(resolved(null, null, null));
    }

    @Test
    void shouldTakeNoUnknownNameBelowTheCodesLevelForAContradiction() {
        assertEquals(List.of(), PLACES.contradictions(region("441300"), new PlaceNames("Guangdong", "Huizhou", "Zhongkai")));
        assertEquals(List.of("district"), PLACES.contradictions(region("230523"), new PlaceNames("Heilongjiang", null, "Zhongkai")),
                "an unknown name at the code's own level contradicts it");
        assertEquals(List.of("city"), PLACES.contradictions(region("230500"), new PlaceNames(null, "Shuangyashen", null)));
        assertEquals(List.of("province", "city", "district"),
                PLACES.contradictions(region("230500"), new PlaceNames("Liaoning", "Shenyang", "Tiexi")));
    }

    @Test
    void shouldRefineACodeByTheNamesInsideIt() {
        assertEquals(region("230523"), PLACES.refine(region("230500"), new PlaceNames(null, null, "Baoqing County")));
        assertEquals(region("210106"), PLACES.refine(region("210100"), new PlaceNames(null, null, "Tiexi")),
                "Tiexi of Shenyang, Anshan or Siping: with Shenyang's code, Shenyang's");
        assertEquals(region("441300"), PLACES.refine(region("441300"), new PlaceNames(null, null, "仲恺")));
    }

    @Test
    void shouldStandAMunicipalityAsItsOwnCityAndADirectlyGovernedCountyAsACity() {
        assertEquals(new PlaceResolver.Levels(region("110000"), region("110000"), region("110105")), PLACES.levels(region("110105")));
        assertEquals(new PlaceResolver.Levels(region("110000"), region("110000"), null), PLACES.levels(region("110000")));
        assertEquals(new PlaceResolver.Levels(region("410000"), region("419001"), null), PLACES.levels(region("419001")));
        assertEquals(new PlaceResolver.Levels(region("810000"), region("810000"), null), PLACES.levels(region("810000")));
        assertEquals(new PlaceNames("Heilongjiang", "Shuangyashan", "Baoqing"), PLACES.levels(region("230523")).names(true));
        assertEquals(new PlaceNames("黑龙江省", null, null), PLACES.levels(region("230000")).names(false));
    }

    @Test
    void shouldShowEachLevelByItsCodeElseByTheNameGivenBelowIt() {
        assertEquals(List.of("230000", "230500", "230523"), parts("黑龙江省", "双鸭山市", "宝清县", null));
        assertEquals(List.of("230000", "230500", "230523"), parts("Heilongjiang", "Shuangyashan", "Baoqing", "230523"));
        assertEquals(List.of("230000", "230500", "230523"), parts("黑龙江省", "双鸭山市", "宝清县", "999999"),
                "a code the catalogue does not know: the names'");
        assertEquals(List.of("230000", "230500", "'Economic and Technological Development Zone'"),
                parts("Heilongjiang", "双鸭山", "Economic and Technological Development Zone", null));
        assertEquals(Arrays.asList("210000", null, "'Tiexi'"), parts("Liaoning", null, "Tiexi", null),
                "Tiexi of Shenyang or of Anshan: the province is sure");
        assertEquals(Arrays.asList("410000", "419001", null), parts("河南省", null, "济源市", null),
                "济源 as its district names the place itself");
        assertEquals(Arrays.asList("'Jiangsu'", "'Jixi'", null), parts("Jiangsu", "Jixi", null, null),
                "names that contradict each other: all kept, none coded");
        assertEquals(Arrays.asList(null, null, null), parts(null, null, null, null));
        assertEquals(List.of(Part.NONE, Part.NONE, Part.NONE), PLACES.parts(new PlaceNames(" ", "", null), null));
    }
}
