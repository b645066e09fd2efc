package org.landfall.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

/**
 * The dashboard's queries, one analyst after another: the last eight full quarters nationwide grouped by nothing,
 * by province and by sector; the largest province's cities; the districts of its largest city. Each as the latest
 * figures and as of a past moment inside the loaded history (two weeks after the fourth of those quarters ended, as
 * a statistician reproducing a publication would ask). A warm-up query of each is not counted.
 */
final class ReportQueries {

    record Query(String name, String groupBy, String filters, boolean asOf) {
    }

    record Result(Query query, int rows, Histogram micros) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String range;
    private final Instant asOf;
    private final int maxQueries;
    private final double maxSeconds;

    ReportQueries(LocalDate today, int maxQueries, double maxSeconds) {
        int current = today.getYear() * 4 + (today.getMonthValue() - 1) / 3;
        this.range = "from=" + quarter(current - 8) + "&to=" + quarter(current - 1);
        LocalDate fourthEnded = LocalDate.of(Math.floorDiv(current - 4, 4), Math.floorMod(current - 4, 4) * 3 + 1, 1);
        this.asOf = fourthEnded.plusDays(14).atStartOfDay(Benchmark.ZONE).toInstant();
        this.maxQueries = maxQueries;
        this.maxSeconds = maxSeconds;
    }

    String range() {
        return range;
    }

    Instant asOf() {
        return asOf;
    }

    static List<Query> mix() {
        Geography.Province p = Geography.largestProvince();
        String province = "&province=" + encode(p.name());
        String city = province + "&city=" + encode(p.cities().get(0).name());
        List<Query> mix = new ArrayList<>();
        for (boolean asOf : new boolean[] {false, true}) {
            mix.add(new Query("nationwide", "none", "", asOf));
            mix.add(new Query("by province", "province", "", asOf));
            mix.add(new Query("by sector", "sector", "", asOf));
            mix.add(new Query(p.name() + " by city", "city", province, asOf));
            mix.add(new Query(p.cities().get(0).name() + " by district", "district", city, asOf));
        }
        return mix;
    }

    /** Up to {@code maxQueries} of it, or as many as fit in {@code maxSeconds}, whichever comes first. */
    Result run(Http http, Query q) throws Exception {
        String url = Http.REPORTING + "/api/reports/quarterly?" + range + "&groupBy=" + q.groupBy() + q.filters()
                + (q.asOf() ? "&asOf=" + asOf : "");
        int rows = JSON.readTree(get(http, url)).get("rows").size();
        Histogram micros = new Histogram(3);
        long end = System.nanoTime() + (long) (maxSeconds * 1e9);
        for (int i = 0; i < maxQueries && System.nanoTime() < end; i++) {
            long t0 = System.nanoTime();
            get(http, url);
            micros.recordValue((System.nanoTime() - t0) / 1_000);
        }
        return new Result(q, rows, micros);
    }

    private static String get(Http http, String url) throws Exception {
        var response = http.get(url, http.analyst);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String quarter(int q) {
        return Math.floorDiv(q, 4) + "-Q" + (Math.floorMod(q, 4) + 1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
