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

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The latest figures as reporting serves them to users: {@code GET /api/reports/quarterly}, for each selection and grouping. */
final class Reports {

    /** The widest range reporting answers in one request. */
    private static final int MAX_QUARTERS = 200;

    /** The parts of a row that hold figures (the others: quarter, group, updatedAt). */
    private static final List<String> FIGURES = List.of("signed", "started", "operational", "suspended", "cancelled",
            "investmentCompleted", "fundsInPlace", "jobsCreated", "planned", "ytd", "yoy", "rates", "targetCompletion", "endOfQuarter");

    // Amounts and rates as written, digit for digit: no detour through a double.
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    Reports(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The rows of quarters {@code from}..{@code to} of every grouping of each selection. */
    Map<RowKey, Map<String, BigDecimal>> figures(List<Selection> selections, int from, int to)
            throws IOException, InterruptedException {
        Map<RowKey, Map<String, BigDecimal>> rows = new HashMap<>();
        for (Selection selection : selections) {
            for (String groupBy : selection.groupings()) {
                for (int start = from; start <= to; start += MAX_QUARTERS) {
                    collect(selection, groupBy, start, Math.min(to, start + MAX_QUARTERS - 1), rows);
                }
            }
        }
        return rows;
    }

    /**
     * The rows of quarters {@code from}..{@code to}, asked for in halves while reporting finds them more rows than a
     * report may have (a 422 naming {@code to}).
     */
    private void collect(Selection selection, String groupBy, int from, int to, Map<RowKey, Map<String, BigDecimal>> rows)
            throws IOException, InterruptedException {
        URI uri = base.resolve("/api/reports/quarterly?groupBy=" + groupBy + selection.query() + "&from="
                + Quarters.format(from) + "&to=" + Quarters.format(to));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 422 && to > from && JSON.readTree(r.body()).path("errors").path(0).path("field").asText().equals("to")) {
            int middle = from + (to - from) / 2;
            collect(selection, groupBy, from, middle, rows);
            collect(selection, groupBy, middle + 1, to, rows);
            return;
        }
        if (r.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        for (JsonNode row : JSON.readTree(r.body()).path("rows")) {
            rows.put(key(selection, groupBy, row), figures(row));
        }
    }

    private static RowKey key(Selection selection, String groupBy, JsonNode row) {
        List<String> group = new ArrayList<>();
        for (String column : RowKey.fields(groupBy)) {
            JsonNode v = row.path("group").path(column);
            group.add(v.isNull() || v.isMissingNode() || v.asText().isEmpty() ? null : v.asText());
        }
        return new RowKey(selection.label(), groupBy, group, Quarters.parse(row.path("quarter").asText()));
    }

    /**
     * A row's figures by their path ({@code signed.contractValue}, {@code planned.started.count},
     * {@code yoy.starts}); a null one (a rate without a divisor, a place without a target) is kept as null.
     */
    static Map<String, BigDecimal> figures(JsonNode row) {
        Map<String, BigDecimal> f = new TreeMap<>();
        for (String block : FIGURES) {
            flatten(block, row.path(block), f);
        }
        return f;
    }

    private static void flatten(String path, JsonNode node, Map<String, BigDecimal> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), into));
        } else if (node.isNull()) {
            into.put(path, null);
        } else if (node.isNumber()) {
            into.put(path, node.decimalValue());
        } else {
            throw new IllegalArgumentException("not a figure: " + path + " = " + node);
        }
    }
}
