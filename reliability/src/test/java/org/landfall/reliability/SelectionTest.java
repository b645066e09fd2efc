package org.landfall.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A selection counts the projects the report's filters select, and asks for them as the report's URL spells them. */
class SelectionTest {

    static Upstream.Contract contract(String value, String district, String... designations) {
        return new Upstream.Contract(UUID.randomUUID(), LocalDate.of(2024, 1, 1), new BigDecimal(value), 0, "Heilongjiang",
                "Shuangyashan", district, "other", null, List.of(designations), "Jixian Industrial Park", null);
    }

    @Test
    void shouldMatchPlacesAndDesignationsWhateverTheirCase() {
        Selection place = new Selection(Map.of("province", "HEILONGJIANG", "city", "shuangyashan"), List.of("sector"));
        assertTrue(place.counts(contract("1", null)));
        assertFalse(new Selection(Map.of("district", "Jixian"), List.of("none")).counts(contract("1", null)));
        assertTrue(new Selection(Map.of("designation", "provincial-key"), List.of("none"))
                .counts(contract("1", null, "municipal-key", "Provincial-Key")));
        assertFalse(new Selection(Map.of("designation", "provincial-key"), List.of("none")).counts(contract("1", null)));
    }

    /** Names that resolve select their place by code (and any place of no code spelt so); a region code its inside. */
    @Test
    void shouldMatchPlaceNamesByCodeAndARegionCodeByEverythingInsideIt() {
        Upstream.Contract baoqing = new Upstream.Contract(UUID.randomUUID(), LocalDate.of(2024, 1, 1), BigDecimal.ONE, 0,
                "黑龙江省", "双鸭山市", "宝清县", "other", null, List.of(), null, "230523");
        Upstream.Contract atlantis = new Upstream.Contract(UUID.randomUUID(), LocalDate.of(2024, 1, 1), BigDecimal.ONE, 0,
                "Atlantis", "Shuangyashan", null, "other", null, List.of(), null, null);
        Selection chinese = new Selection(Map.of("province", "黑龙江省", "city", "双鸭山市"), List.of("none"));
        assertTrue(chinese.counts(contract("1", null)));
        assertTrue(chinese.counts(baoqing));
        assertFalse(chinese.counts(atlantis));
        assertTrue(new Selection(Map.of("city", "shuangyashan"), List.of("none")).counts(atlantis), "by its name");
        assertTrue(new Selection(Map.of("district", "Baoqing"), List.of("none")).counts(baoqing));
        for (String code : List.of("230000", "230500", "230523")) {
            assertTrue(new Selection(Map.of("regionCode", code), List.of("none")).counts(baoqing), code);
        }
        assertFalse(new Selection(Map.of("regionCode", "230523"), List.of("none")).counts(contract("1", null)));
        assertFalse(new Selection(Map.of("regionCode", "210000"), List.of("none")).counts(baoqing));
        assertFalse(new Selection(Map.of("regionCode", "230000"), List.of("none")).counts(atlantis));
    }

    @Test
    void shouldCountAContractValueAtTheBandInIt() {
        Selection band = new Selection(Map.of("minContractValue", "100000000"), List.of("none"));
        assertTrue(band.counts(contract("100000000.00", null)));
        assertFalse(band.counts(contract("99999999.99", null)));
    }

    @Test
    void shouldAskForEachDesignationUsedTheValueBandAndEachPlaceWithATarget() {
        Upstream.Tables tables = new Upstream.Tables(List.of(contract("1", null, "provincial-key"),
                contract("2", "Jixian", "municipal-key", "provincial-key")), List.of(), List.of(), List.of(
                new Upstream.Target(2023, "heilongjiang/shuangyashan/", 1, "heilongjiang", "shuangyashan", null, Map.of()),
                new Upstream.Target(2023, "黑龙江省/双鸭山市/", 3, "黑龙江省", "双鸭山市", null, Map.of()),
                new Upstream.Target(2024, "heilongjiang/shuangyashan/", 4, "Heilongjiang", "Shuangyashan", null, Map.of()),
                new Upstream.Target(2023, "jiangsu/nanjing/lishui", 2, "Jiangsu", "Nanjing", "Lishui", Map.of())));
        assertEquals(List.of("", "designation=municipal-key", "designation=provincial-key", "minContractValue=100000000",
                        "regionCode=230000", "city=Shuangyashan&province=Heilongjiang",
                        "city=Nanjing&district=Lishui&province=Jiangsu"),
                Selection.of(tables).stream().map(Selection::label).toList());
        assertEquals("&city=Nanjing&district=Li+Shui&province=Jiangsu",
                new Selection(Map.of("province", "Jiangsu", "city", "Nanjing", "district", "Li Shui"), List.of("sector")).query());
    }
}
