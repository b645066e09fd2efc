package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.landfall.reporting.domain.Place;
import org.landfall.reporting.domain.PlaceFilter;
import org.landfall.reporting.domain.Places;

/** Where reports put a place: by its GB/T 2260 code wherever the catalogue knows it, else by its names. */
class PlacesTest {

    static Place.Part coded(String code, String name) {
        return new Place.Part(name, code);
    }

    static Place place(Place.Part province, Place.Part city, Place.Part district) {
        return new Place(province, city, district);
    }

    @Test
    void shouldMakeOnePlaceOfChineseAndPinyinNamesWithTheCatalogueNames() {
        Place shuangyashan = place(coded("230000", "Heilongjiang"), coded("230500", "Shuangyashan"), Place.Part.NONE);
        assertEquals(shuangyashan, Places.of("Heilongjiang", "Shuangyashan", null, null));
        assertEquals(shuangyashan, Places.of("黑龙江省", "双鸭山市", "", null));
        assertEquals(shuangyashan, Places.of("heilongjiang province", "Shuangyashan City", null, "230500"));
        assertEquals("双鸭山市", Places.chineseName("230500"));
    }

    @Test
    void shouldTakeTheCodeGivenOverTheNamesAndResolveTheNamesWhenNoneOrAnUnknownOneIsGiven() {
        Place baoqing = place(coded("230000", "Heilongjiang"), coded("230500", "Shuangyashan"), coded("230523", "Baoqing"));
        assertEquals(baoqing, Places.of("Heilongjiang", "Shuangyashan", "Baoqing County", null), "an event from before codes");
        assertEquals(baoqing, Places.of("黑龙江省", "双鸭山市", "宝清县", "230523"));
        assertEquals(baoqing, Places.of("黑龙江省", "双鸭山市", "宝清县", "999999"), "a code the catalogue does not know");
    }

    @Test
    void shouldKeepTheNamesBelowTheFinestPlaceTheNamesResolveTo() {
        assertEquals(place(coded("230000", "Heilongjiang"), Place.Part.named("Gold Coast"), Place.Part.named("North")),
                Places.of("黑龙江省", "Gold Coast", "North", null));
        assertEquals(place(coded("230000", "Heilongjiang"), coded("230500", "Shuangyashan"),
                Place.Part.named("Economic and Technological Development Zone")),
                Places.of("Heilongjiang", "双鸭山", "Economic and Technological Development Zone", null));
        assertEquals(place(coded("210000", "Liaoning"), Place.Part.NONE, Place.Part.named("Tiexi")),
                Places.of("Liaoning", null, "Tiexi", null), "Tiexi of Shenyang or of Anshan: the province is sure");
    }

    @Test
    void shouldKeepNamesThatResolveToNothingAsGiven() {
        assertEquals(place(Place.Part.named("Atlantis"), Place.Part.named("Shuangyashan"), Place.Part.NONE),
                Places.of("Atlantis", "Shuangyashan", "", null));
        assertEquals(Place.NONE, Places.of(null, null, null, null));
    }

    /** An event from before codes gets the code intake gives the same names: none for names that contradict. */
    @Test
    void shouldGiveNamesThatContradictEachOtherNoCodeAsIntakeDoes() {
        assertEquals(place(Place.Part.named("Jiangsu"), Place.Part.named("Jixi"), Place.Part.NONE),
                Places.of("Jiangsu", "Jixi", null, null));
        assertEquals(place(Place.Part.named("Heilongjiang"), Place.Part.named("Shuangyashan"), Place.Part.named("Tiexi")),
                Places.of("Heilongjiang", "Shuangyashan", "Tiexi", null));
    }

    @Test
    void shouldMakeAMunicipalityItsOwnCityAndACountyAProvinceGovernsItsCity() {
        Place chaoyang = place(coded("110000", "Beijing"), coded("110000", "Beijing"), coded("110105", "Chaoyang"));
        assertEquals(chaoyang, Places.of("北京市", "北京市", "朝阳区", null));
        assertEquals(chaoyang, Places.of("Beijing", "Chaoyang", null, null));
        assertEquals(place(coded("110000", "Beijing"), coded("110000", "Beijing"), Place.Part.NONE),
                Places.of("Beijing", null, null, null));
        Place jiyuan = place(coded("410000", "Henan"), coded("419001", "Jiyuan"), Place.Part.NONE);
        assertEquals(jiyuan, Places.of("Henan", "Jiyuan", null, null));
        assertEquals(jiyuan, Places.of("河南省", null, "济源市", null), "济源 as its district names the place itself");
    }

    @Test
    void shouldSelectByCodeWhenTheFilterNamesResolveAndAlwaysByTheNamesGiven() {
        PlaceFilter filter = PlaceFilter.of(Map.of("province", "黑龙江省", "city", "Gold Coast"), "230000");
        assertEquals(place(coded("230000", "Heilongjiang"), Place.Part.named("Gold Coast"), Place.Part.NONE), filter.named());
        assertEquals(place(coded("230000", "Heilongjiang"), Place.Part.NONE, Place.Part.NONE), filter.region());
        assertEquals(2, filter.depth());
        assertEquals(3, PlaceFilter.of(Map.of(), "230523").depth());
    }
}
