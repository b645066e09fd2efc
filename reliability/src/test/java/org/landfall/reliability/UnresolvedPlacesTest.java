package org.landfall.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class UnresolvedPlacesTest {

    private static final UUID ID = UUID.fromString("0b6e1c1a-4a5e-4d1b-9a43-3f2f1f0c7d11");

    @Test
    void shouldPrintAProjectAsTabSeparatedCodeNamesAndIdWithAnEmptyDistrictWhereNone() {
        assertEquals("AT-2023-000001\tAtlantis\tPoseidonia\t\t" + ID,
                new UnresolvedPlaces.Project("AT-2023-000001", "Atlantis", "Poseidonia", null, ID).line());
        assertEquals("HL-2023-000002\tHeilongjang\tShuangyashan\tZone 1\t" + ID,
                new UnresolvedPlaces.Project("HL-2023-000002", "Heilongjang", "Shuangyashan", "Zone 1", ID).line());
    }
}
