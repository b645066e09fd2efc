package org.landfall.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.landfall.regions.Region.Level;

class RegionsTest {

    private static final Regions REGIONS = Regions.gbt2260();

    private static Region region(String code) {
        return REGIONS.find(code).orElseThrow(() -> new AssertionError("no region " + code));
    }

    private static String resolved(String province, String city, String district) {
        Resolution resolution = REGIONS.resolve(new PlaceNames(province, city, district));
        return assertInstanceOf(Resolution.Resolved.class, resolution,
                province + "/" + city + "/" + district + " gave " + resolution).region().code();
    }

    private static List<String> ambiguous(String province, String city, String district) {
        Resolution resolution = REGIONS.resolve(new PlaceNames(province, city, district));
        return assertInstanceOf(Resolution.Ambiguous.class, resolution,
                province + "/" + city + "/" + district + " gave " + resolution).candidates().stream()
                .map(Region::code).toList();
    }

    private static void unmatched(String province, String city, String district) {
        Resolution resolution = REGIONS.resolve(new PlaceNames(province, city, district));
        assertInstanceOf(Resolution.NoMatch.class, resolution, province + "/" + city + "/" + district + " gave " + resolution);
    }

    @Test
    void shouldKnowTheCodesOfTheSeedArticlesPlaces() {
        assertEquals(new Region("230000", "黑龙江省", "Heilongjiang"), region("230000"));
        assertEquals(new Region("230500", "双鸭山市", "Shuangyashan"), region("230500"));
        assertEquals(new Region("230523", "宝清县", "Baoqing"), region("230523"));
        assertEquals(new Region("210106", "铁西区", "Tiexi"), region("210106"));
        assertEquals(new Region("320117", "溧水区", "Lishui"), region("320117"));
        assertEquals(new Region("210000", "辽宁省", "Liaoning"), region("210000"));
        assertEquals(new Region("211100", "盘锦市", "Panjin"), region("211100"));
        assertEquals(new Region("320100", "南京市", "Nanjing"), region("320100"));
        assertEquals(List.of(Level.PROVINCE, Level.CITY, Level.COUNTY),
                REGIONS.lineage(region("230523")).stream().map(Region::level).toList());
        assertEquals(List.of("230000", "230500", "230523"), REGIONS.lineage(region("230523")).stream().map(Region::code).toList());
    }

    @Test
    void shouldListTheProvincesWithTheSpecialAdministrativeRegionsAndTaiwan() {
        List<Region> provinces = REGIONS.provinces();
        assertEquals(34, provinces.size());
        assertEquals("110000", provinces.get(0).code());
        assertTrue(provinces.contains(new Region("810000", "香港特别行政区", "Hong Kong")));
        assertTrue(provinces.contains(new Region("820000", "澳门特别行政区", "Macau")));
        assertTrue(provinces.contains(new Region("710000", "台湾省", "Taiwan")));
        assertTrue(REGIONS.children(region("810000")).isEmpty());
    }

    @Test
    void shouldNameTheSpecialProvincesAsTheyAreWrittenInEnglish() {
        assertEquals("Shanxi", region("140000").nameEn());
        assertEquals("Shaanxi", region("610000").nameEn());
        assertEquals("Inner Mongolia", region("150000").nameEn());
        assertEquals("Tibet", region("540000").nameEn());
        assertEquals("Guangxi", region("450000").nameEn());
        assertEquals("Ningxia", region("640000").nameEn());
        assertEquals("Xinjiang", region("650000").nameEn());
        assertEquals("Chongqing", region("500000").nameEn());
    }

    @Test
    void shouldListAPlacesChildrenByCode() {
        List<String> shuangyashan = REGIONS.children(region("230500")).stream().map(Region::code).toList();
        assertEquals(List.of("230502", "230503", "230505", "230506", "230521", "230522", "230523", "230524"), shuangyashan);
        assertTrue(REGIONS.children(region("230000")).stream().allMatch(child -> child.level() == Level.CITY));
        assertTrue(REGIONS.children(region("230523")).isEmpty());
    }

    @Test
    void shouldPutAMunicipalitysDistrictsAndAProvincesDirectCountiesUnderTheProvince() {
        List<Region> beijing = REGIONS.children(region("110000"));
        assertTrue(beijing.contains(region("110105")));
        assertTrue(beijing.stream().allMatch(child -> child.level() == Level.COUNTY));
        assertEquals(region("110000"), REGIONS.parent(region("110105")).orElseThrow());
        assertEquals(region("410000"), REGIONS.parent(region("419001")).orElseThrow());
        assertTrue(REGIONS.children(region("410000")).contains(region("419001")));
    }

    @Test
    void shouldLeaveOutTheStatisticsOwnUnits() {
        // Development zones (71-79), the stand-ins for a municipality's districts and a city's own repeat.
        assertTrue(REGIONS.find("230571").isEmpty() && REGIONS.find("130171").isEmpty());
        assertTrue(REGIONS.find("110100").isEmpty() && REGIONS.find("419000").isEmpty());
        assertTrue(REGIONS.find("441900").isPresent());
        assertTrue(REGIONS.children(region("441900")).isEmpty());
    }

    @Test
    void shouldResolveANameInChineseOrPinyinWhateverItsCaseSpacesOrSuffix() {
        for (String name : List.of("Shuangyashan", "双鸭山市", "双鸭山", "shuang ya shan", " SHUANGYASHAN City ",
                "Shuāngyāshān", "ｓｈｕａｎｇｙａｓｈａｎ")) {
            assertEquals("230500", resolved(null, name, null), name);
        }
        assertEquals("230000", resolved("Heilongjiang Province", null, null));
        assertEquals("230000", resolved("黑龙江", null, null));
        assertEquals("141100", resolved(null, "Lvliang", null));
        assertEquals("141100", resolved(null, "吕梁", null));
        assertEquals("610100", resolved(null, "Xi'an", null));
        assertEquals("610100", resolved(null, "xian", null));
    }

    @Test
    void shouldResolveTheMostSpecificOfAProvinceCityAndDistrict() {
        assertEquals("230523", resolved("Heilongjiang", "Shuangyashan", "Baoqing"));
        assertEquals("230523", resolved("黑龙江省", "双鸭山市", "宝清县"));
        assertEquals("230523", resolved("黑龙江", "Shuangyashan", "宝清"));
        assertEquals("230523", resolved(null, null, "Baoqing County"));
        assertEquals("230500", resolved("Heilongjiang", "Shuangyashan", null));
        assertEquals("320117", resolved("Jiangsu", "Nanjing", "Lishui"));
        assertEquals("211100", resolved("Liaoning", "Panjin", ""));
    }

    @Test
    void shouldResolveADistrictNameOfSeveralCitiesOnlyWithItsCity() {
        assertEquals(List.of("210106", "210303", "220302"), ambiguous(null, null, "Tiexi"));
        assertEquals(List.of("210106", "210303"), ambiguous("Liaoning", null, "Tiexi"));
        assertEquals("210106", resolved("Liaoning", "Shenyang", "Tiexi"));
        assertEquals("210106", resolved(null, "沈阳", "铁西区"));
        assertEquals("210303", resolved(null, "Anshan", "Tiexi"));
        assertEquals("220302", resolved("Jilin", null, "Tiexi"));
    }

    @Test
    void shouldTellPlacesOfOneNameApartByWhereTheNameStands() {
        // 溧水区 is a district of Nanjing; 丽水市 a city of Zhejiang; both are Lishui.
        assertEquals("320117", resolved(null, null, "Lishui"));
        assertEquals("331100", resolved(null, "Lishui", null));
        // 吉林 is a province and a city in it.
        assertEquals("220000", resolved("Jilin", null, null));
        assertEquals("220200", resolved("Jilin", "Jilin", null));
        // 井陉县 and 井陉矿区 share a city: their English names keep the suffix, the short name names either.
        assertEquals("Jingxing Xian", region("130121").nameEn());
        assertEquals("Jingxing Kuangqu", region("130107").nameEn());
        assertEquals(List.of("130107", "130121"), ambiguous(null, "Shijiazhuang", "Jingxing"));
        assertEquals("130121", resolved(null, "Shijiazhuang", "井陉县"));
        assertEquals("130121", resolved(null, null, "Jingxing Xian"));
    }

    private static void provinceNamed(String code, String... names) {
        for (String name : names) {
            assertEquals(code, resolved(name, null, null), name);
        }
    }

    @Test
    void shouldResolveTheSpecialProvincesByTheirEnglishPinyinAndChineseNames() {
        provinceNamed("610000", "Shaanxi", "陕西");
        provinceNamed("140000", "Shanxi", "山西省");
        provinceNamed("150000", "Inner Mongolia", "Inner Mongolia Autonomous Region", "内蒙古", "内蒙古自治区", "Neimenggu", "Nei Mongol");
        provinceNamed("540000", "Tibet", "Xizang", "西藏", "西藏自治区");
        provinceNamed("450000", "Guangxi", "广西壮族自治区", "Guangxi Zhuang Autonomous Region");
        provinceNamed("640000", "Ningxia", "宁夏", "Ningxia Hui Autonomous Region");
        provinceNamed("650000", "Xinjiang", "新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region");
        provinceNamed("810000", "Hong Kong", "Hong Kong SAR", "hongkong", "香港", "香港特别行政区", "Xianggang");
        provinceNamed("820000", "Macau", "Macao", "澳门", "Aomen");
        assertEquals("710000", resolved("Taiwan", null, null));
        assertEquals("230100", resolved("Heilongjiang", "Harbin", null));
        assertEquals("230100", resolved(null, "哈尔滨", null));
    }

    @Test
    void shouldResolveAMunicipalitysDistrictWithOrWithoutTheMunicipalityAsItsCity() {
        assertEquals("110105", resolved("Beijing", "Beijing", "Chaoyang"));
        assertEquals("110105", resolved("北京市", null, "朝阳区"));
        assertEquals("110105", resolved(null, "Beijing", "Chaoyang"));
        assertEquals("110000", resolved("Beijing", "Beijing", null));
        assertEquals("220104", resolved(null, "Changchun", "Chaoyang"));
        assertEquals("500101", resolved("Chongqing", "Chongqing", "Wanzhou"));
        assertEquals("419001", resolved("Henan", "Jiyuan", null));
        assertEquals("429004", resolved(null, null, "Xiantao"));
    }

    @Test
    void shouldMatchNothingForNamesOutsideTheListOrThatDoNotFitTogether() {
        unmatched(null, null, null);
        unmatched("Benchmark", null, null);
        unmatched("Heilongjiang", "Atlantis", null);
        unmatched("Liaoning", null, "Baoqing");
        unmatched(null, "Shenyang", "Baoqing");
        // A district is no city, and a city no province.
        unmatched(null, "Baoqing", null);
        unmatched("Shuangyashan", null, null);
    }

    /** A contract's place: its code where listed, else its finest names that resolve, else none. */
    @Test
    void shouldPlaceAContractByItsCodeElseByItsFinestNamesThatResolve() {
        assertEquals("230523", placed("Heilongjiang", "Shuangyashan", null, "230523"));
        assertEquals("230523", placed("黑龙江省", "双鸭山市", "宝清县", null));
        // a development zone, a city of no code, an unknown code: what the names above them give
        assertEquals("230500", placed("Heilongjiang", "Shuangyashan", "Economic Development Zone", null));
        assertEquals("230000", placed("Heilongjiang", "Gold Coast", "North", null));
        assertEquals("230000", placed("Heilongjiang", null, null, "239999"));
        assertEquals("110105", placed(null, "Beijing", "Chaoyang", null));
        assertEquals(null, placed("Atlantis", "Poseidonia", null, null));
        assertEquals(null, placed(null, null, null, null));
        assertEquals(new Regions.Named(region("230000"), 1), REGIONS.named(new PlaceNames("黑龙江", "Gold Coast", null)).orElseThrow());
        assertEquals(new Regions.Named(region("230523"), 3), REGIONS.named(new PlaceNames(null, "双鸭山", "宝清")).orElseThrow());
    }

    private static String placed(String province, String city, String district, String code) {
        return REGIONS.placeOf(new PlaceNames(province, city, district), code).map(Region::code).orElse(null);
    }

    @Test
    void shouldSayWhichNamesContradictACode() {
        Region baoqing = region("230523");
        assertEquals(List.of(), REGIONS.contradictions(baoqing, new PlaceNames("Heilongjiang", "双鸭山", "Baoqing")));
        assertEquals(List.of(), REGIONS.contradictions(baoqing, new PlaceNames(null, null, null)));
        assertEquals(List.of("city"), REGIONS.contradictions(baoqing, new PlaceNames("Heilongjiang", "Shenyang", "Baoqing")));
        assertEquals(List.of("province", "district"), REGIONS.contradictions(baoqing, new PlaceNames("Liaoning", null, "Tiexi")));
        assertEquals(List.of("district"), REGIONS.contradictions(baoqing, new PlaceNames(null, null, "Atlantis")));
        // Names inside the code's region do not contradict it; names beside it do.
        Region shuangyashan = region("230500");
        assertEquals(List.of(), REGIONS.contradictions(shuangyashan, new PlaceNames("Heilongjiang", null, "Baoqing")));
        assertEquals(List.of("district"), REGIONS.contradictions(shuangyashan, new PlaceNames(null, null, "Tiexi")));
        assertEquals(List.of(), REGIONS.contradictions(region("110105"), new PlaceNames("Beijing", "Beijing", "朝阳区")));
        assertEquals(List.of("district"), REGIONS.contradictions(region("110105"), new PlaceNames("Beijing", null, "朝阳县")));
    }

    @Test
    void shouldHoldAWellFormedCatalogue() {
        Set<String> codes = new HashSet<>();
        List<Region> all = new ArrayList<>(REGIONS.provinces());
        for (int i = 0; i < all.size(); i++) {
            Region region = all.get(i);
            assertTrue(codes.add(region.code()), region.code());
            assertTrue(Regions.isCode(region.code()), region.code());
            assertTrue(region.name().codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    region.name());
            assertTrue(region.nameEn().matches("[A-Z][a-zü']*( [A-Z][a-zü']*)*"), region.nameEn());
            List<Region> children = REGIONS.children(region);
            children.forEach(child -> assertEquals(region, REGIONS.parent(child).orElseThrow()));
            all.addAll(children);
        }
        // The catalogue's size as the statistics of 2023-06-30 give it: 34 provinces, 333 cities, 2851 counties.
        assertEquals(3218, all.size());
        assertEquals(333, all.stream().filter(region -> region.level() == Level.CITY).count());
        assertFalse(Regions.isCode("23050") || Regions.isCode("2305000") || Regions.isCode("23050a") || Regions.isCode(null));
    }

    @Test
    void shouldReadPlaceNamesThatPinyinLibrariesOftenGetWrong() {
        assertEquals("Chongqing", region("500000").nameEn());
        assertEquals("Xiamen", region("350200").nameEn());
        assertEquals("Bengbu", region("340300").nameEn());
        assertEquals("Lu'an", region("341500").nameEn());
        assertEquals("Xi'an", region("610100").nameEn());
        assertEquals("Changsha", region("430100").nameEn());
        assertEquals("Laoting", region("130225").nameEn());
        assertEquals("Shanxian", region("371722").nameEn());
        assertEquals("Hongtong", region("141024").nameEn());
        assertEquals("Zhongmou", region("410122").nameEn());
        assertEquals("Panyu", region("440113").nameEn());
        assertEquals("Chengqu", region("140302").nameEn());
        assertEquals("Ewenke", region("150724").nameEn());
        assertEquals("Yanbian", region("222400").nameEn());
        assertEquals("Qiandongnan", region("522600").nameEn());
        assertEquals("Yili", region("654000").nameEn());
    }
}
