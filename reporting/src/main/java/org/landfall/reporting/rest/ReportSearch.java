package org.landfall.reporting.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.rest.Params;
import org.landfall.regions.Region;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.PlaceFilter;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.domain.ReportRequest;
import org.landfall.reporting.domain.ReportText;

/**
 * The query of a quarterly report: the JSON and the CSV variants read it the same way. Malformed values (a quarter that is not {@code YYYY-Qn}, an unknown
 * groupBy, an asOf that is no instant, a regionCode that is no code of the catalogue) are a 400 naming the parameter; a range that runs backwards or spans more
 * than 50 years is a 422. Without {@code to}, the current quarter; without {@code from}, three quarters before
 * {@code to}. An {@code asOf} date means the end of that day in {@code landfall.zone}; an asOf outside the years
 * 0001 to 9999 (UTC) is a 400, as PostgreSQL holds no such moment.
 */
public class ReportSearch {

    static final int MAX_QUARTERS = 200;

    @QueryParam("from")
    @Parameter(description = "The first quarter, such as 2023-Q1 (default: three quarters before to)")
    String from;

    @QueryParam("to")
    @Parameter(description = "The last quarter (default: the current one)")
    String to;

    @QueryParam("groupBy")
    @Parameter(description = "none (default), province, city, district, sector, park")
    String groupBy;

    @QueryParam("province")
    @Parameter(description = "In Chinese or pinyin (黑龙江省, Heilongjiang): the projects of that name and, when the "
            + "names resolve to a GB/T 2260 place, of that place")
    String province;

    @QueryParam("city")
    String city;

    @QueryParam("district")
    String district;

    @QueryParam("regionCode")
    @Parameter(description = "A GB/T 2260 code (a province, city or county, such as 230500): the projects of that place "
            + "and every place inside it")
    String regionCode;

    @QueryParam("sector")
    String sector;

    @QueryParam("park")
    String park;

    @QueryParam("designation")
    @Parameter(description = "Designation codes separated by commas: the projects with any of them (GET /api/designations on intake)")
    String designation;

    @QueryParam("minContractValue")
    @Parameter(description = "The projects whose contract value (as corrected) is at least this many yuan")
    String minContractValue;

    @QueryParam("asOf")
    @Parameter(description = "An instant, or a date (the end of that day in landfall.zone); default: the latest figures")
    String asOf;

    /** The request these parameters make, {@code today} being the date in {@code zone} now. */
    ReportRequest request(ZoneId zone, LocalDate today) {
        int toQuarter = to == null || to.isBlank() ? Quarter.of(today) : quarter("to", to);
        int fromQuarter = from == null || from.isBlank() ? toQuarter - 3 : quarter("from", from);
        List<FieldError> errors = new ArrayList<>();
        if (fromQuarter > toQuarter) {
            errors.add(new FieldError("to", ReportText.TO_BEFORE_FROM.with()));
        } else if (toQuarter - fromQuarter >= MAX_QUARTERS) {
            errors.add(new FieldError("from", ReportText.RANGE_TOO_LONG.with(MAX_QUARTERS)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        Map<String, String> names = new LinkedHashMap<>();
        put(names, "province", province);
        put(names, "city", city);
        put(names, "district", district);
        Region region = Params.region("regionCode", regionCode);
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "sector", sector);
        put(filters, "park", park);
        return new ReportRequest(fromQuarter, toQuarter, groupBy(groupBy), PlaceFilter.of(names, region == null ? null : region.code()),
                filters, Params.codes("designation", designation), Params.amount("minContractValue", minContractValue),
                instant(asOf, zone));
    }

    private static int quarter(String name, String value) {
        int q = Quarter.parse(value);
        if (q < 0) {
            throw Params.malformed(name, ReportText.NOT_A_QUARTER.with());
        }
        return q;
    }

    private static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return GroupBy.NONE;
        }
        try {
            GroupBy g = GroupBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
            if (g != GroupBy.ALL) {
                return g;
            }
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw Params.malformed("groupBy", ReportText.GROUP_BY.with());
    }

    private static Instant instant(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Instant instant;
        try {
            instant = v.length() == 10 ? LocalDate.parse(v).plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000)
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw Params.malformed("asOf", ReportText.AS_OF.with());
        }
        return Params.bounded("asOf", instant);
    }

    private static void put(Map<String, String> filters, String name, String value) {
        String text = Params.text(name, value);
        if (text != null) {
            filters.put(name, text);
        }
    }
}
