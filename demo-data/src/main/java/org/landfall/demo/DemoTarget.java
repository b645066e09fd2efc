package org.landfall.demo;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The annual targets of one place, as an administrator sets them ({@code PUT /api/targets/{year}}): every
 * figure given, none left without a target.
 */
record DemoTarget(int year, String province, String city, String district, long signedCount, BigDecimal signedValue,
                  long starts, BigDecimal investmentCompleted, long jobsCreated) {

    /** The body of the PUT: the place as far as it goes, and the figures. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>(place());
        body.values().removeIf(v -> v == null);
        body.put("signedCount", signedCount);
        body.put("signedValue", signedValue);
        body.put("starts", starts);
        body.put("investmentCompleted", investmentCompleted);
        body.put("jobsCreated", jobsCreated);
        return body;
    }

    /** What intake holds when it holds these targets: the body, and no city or district where it names none. */
    Map<String, Object> held() {
        Map<String, Object> held = place();
        held.putAll(body());
        return held;
    }

    /** The query of {@code GET /api/targets/{year}} for this place. */
    String query() {
        StringBuilder q = new StringBuilder();
        place().forEach((k, v) -> {
            if (v != null) {
                q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    /** How a load's summary names these targets. */
    String describe() {
        return "targets " + year + " of " + String.join("/", province, city == null ? "-" : city, district == null ? "-" : district);
    }

    private Map<String, Object> place() {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("province", province);
        place.put("city", city);
        place.put("district", district);
        return place;
    }
}
