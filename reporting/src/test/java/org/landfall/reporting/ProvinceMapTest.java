package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.landfall.regions.PlaceNames;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;
import org.landfall.regions.Resolution;

/** The dashboard's map (written by reporting/tools/map/generate.mjs) against the catalogue of places. */
class ProvinceMapTest {

    static final String MAP = "/META-INF/resources/map/china-provinces.json";

    @Test
    void shouldDrawEveryProvinceOfTheCatalogueUnderItsCodeWithNamesThatResolveToIt() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream(MAP)) {
            file = in.readAllBytes();
        }
        assertTrue(file.length < 1_000_000, "the page loads it: " + file.length + " bytes");
        Map<String, JsonNode> byCode = new HashMap<>();
        for (JsonNode feature : new ObjectMapper().readTree(file).get("features")) {
            byCode.put(feature.get("properties").get("code").asText(), feature);
        }
        Regions regions = Regions.gbt2260();
        assertEquals(regions.provinces().stream().map(Region::code).collect(Collectors.toSet()), byCode.keySet());
        for (Region province : regions.provinces()) {
            JsonNode feature = byCode.get(province.code());
            JsonNode properties = feature.get("properties");
            assertEquals(province.name(), properties.get("name").asText());
            assertEquals(province.nameEn(), properties.get("nameEn").asText());
            for (JsonNode name : properties.get("names")) {
                assertEquals(new Resolution.Resolved(province), regions.resolve(new PlaceNames(name.asText(), null, null)),
                        name.asText());
            }
            assertEquals("MultiPolygon", feature.get("geometry").get("type").asText());
            assertTrue(feature.get("geometry").get("coordinates").get(0).get(0).size() >= 4, province.code());
        }
    }
}
