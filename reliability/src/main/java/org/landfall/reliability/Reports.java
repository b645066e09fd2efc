package org.landfall.reliability;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The latest figures as reporting serves them to users: {@code GET /api/reports/quarterly}, every grouping. */
final class Reports {

    /** The widest range reporting answers in one request. */
    private static final int MAX_QUARTERS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    Reports(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    Map<RowKey, Map<String, BigDecimal>> figures(int from, int to) throws IOException, InterruptedException {
        Map<RowKey, Map<String, BigDecimal>> rows = new HashMap<>();
        for (String groupBy : RowKey.GROUPINGS) {
            for (int start = from; start <= to; start += MAX_QUARTERS) {
                int end = Math.min(to, start + MAX_QUARTERS - 1);
                for (JsonNode row : get(groupBy, start, end).path("rows")) {
                    rows.put(key(groupBy, row), figures(row));
                }
            }
        }
        return rows;
    }

    private JsonNode get(String groupBy, int from, int to) throws IOException, InterruptedException {
        URI uri = base.resolve("/api/reports/quarterly?groupBy=" + groupBy + "&from=" + Quarters.format(from)
                + "&to=" + Quarters.format(to));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static RowKey key(String groupBy, JsonNode row) {
        List<String> group = new ArrayList<>();
        for (String column : RowKey.columns(groupBy)) {
            JsonNode v = row.path("group").path(column);
            group.add(v.isNull() || v.isMissingNode() || v.asText().isEmpty() ? null : v.asText());
        }
        return new RowKey(groupBy, group, Quarters.parse(row.path("quarter").asText()));
    }

    private static Map<String, BigDecimal> figures(JsonNode row) {
        Map<String, BigDecimal> f = new TreeMap<>();
        for (String entered : List.of("signed", "started", "operational", "suspended", "cancelled")) {
            JsonNode e = row.path(entered);
            f.put(entered + ".count", e.path("count").decimalValue());
            f.put(entered + ".contractValue", e.path("contractValue").decimalValue());
            if (e.has("plannedJobs")) {
                f.put(entered + ".plannedJobs", e.path("plannedJobs").decimalValue());
            }
        }
        f.put("investmentCompleted", row.path("investmentCompleted").decimalValue());
        f.put("jobsCreated", row.path("jobsCreated").decimalValue());
        row.path("endOfQuarter").fields().forEachRemaining(e -> f.put("endOfQuarter." + e.getKey(), e.getValue().decimalValue()));
        return f;
    }
}
