package org.landfall.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project to load: the contract as intake takes it, its annual plans by year, then the inspectors' updates in
 * date order and the blockers they raised (and resolved).
 */
final class DemoProject {

    /** Ends a source title that names what the demo made up for a project of a seed article. */
    static final String ILLUSTRATIVE = "; illustrative: ";

    final String key;
    final Map<String, Object> contract = new LinkedHashMap<>();
    final Map<Integer, Map<String, Object>> plans = new LinkedHashMap<>();
    final List<Map<String, Object>> updates = new ArrayList<>();
    final List<DemoBlocker> blockers = new ArrayList<>();

    /** {@code regionCode}: the GB/T 2260 code of the place, the finest one the names designate. */
    DemoProject(String key, String name, String investor, String province, String city, String district,
                String regionCode, String sector, LocalDate signedOn, BigDecimal contractValue) {
        this.key = key;
        contract.put("name", name);
        contract.put("investor", investor);
        contract.put("province", province);
        contract.put("city", city);
        if (district != null) {
            contract.put("district", district);
        }
        contract.put("regionCode", regionCode);
        contract.put("sector", sector);
        contract.put("signedOn", signedOn.toString());
        contract.put("contractValue", contractValue);
    }

    /**
     * The Idempotency-Key of signing this project with {@code contract} (its JSON): the project's key and the
     * contract's digest, so that a demo whose contract has changed since an earlier load (such as the region codes
     * it gained) does not reuse a key with another body, a 409; the project signed then is found as the duplicate
     * it is.
     */
    String signingKey(String contract) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(contract.getBytes(StandardCharsets.UTF_8));
            return "demo-" + key + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    DemoProject set(String field, Object value) {
        contract.put(field, value);
        return this;
    }

    DemoProject source(String title, LocalDate publishedOn) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("title", title);
        source.put("publishedOn", publishedOn.toString());
        return set("source", source);
    }

    /**
     * Names the contract's fields that the article does not give and the demo made up, at the end of the source
     * title, so that whoever reads the project (or its OC4IDS export) can tell them from the article's facts.
     */
    @SuppressWarnings("unchecked")
    DemoProject illustrative(String... fields) {
        Map<String, Object> source = (Map<String, Object>) contract.get("source");
        if (source == null || ((String) source.get("title")).contains(ILLUSTRATIVE)) {
            throw new IllegalStateException(key + ": illustrative fields are named once, after the source");
        }
        source.put("title", source.get("title") + ILLUSTRATIVE + String.join(", ", fields));
        return this;
    }

    /** The project's annual plan for {@code year}: investment planned that year, and whether it is to start then. */
    DemoProject plan(int year, BigDecimal plannedInvestment, boolean startPlanned) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("plannedInvestment", plannedInvestment);
        plan.put("startPlanned", startPlanned);
        plans.put(year, plan);
        return this;
    }

    DemoProject stage(String stage, LocalDate on, String note) {
        Map<String, Object> u = update(on, note);
        u.put("stage", stage);
        return this;
    }

    DemoProject figures(LocalDate on, BigDecimal investmentCompleted, Integer jobsCreated) {
        return figures(on, investmentCompleted, jobsCreated, null);
    }

    DemoProject figures(LocalDate on, BigDecimal investmentCompleted, Integer jobsCreated, String note) {
        Map<String, Object> u = update(on, note);
        u.put("investmentCompleted", investmentCompleted);
        if (jobsCreated != null) {
            u.put("jobsCreated", jobsCreated);
        }
        return this;
    }

    /** A blocker raised on {@code on}, still open unless {@link #resolved} follows. */
    DemoProject blocker(String kind, LocalDate on, String description, String owner) {
        blockers.add(new DemoBlocker(kind, description, owner, on, null, null));
        return this;
    }

    /** Resolves the blocker named last. */
    DemoProject resolved(LocalDate on, String note) {
        DemoBlocker open = blockers.remove(blockers.size() - 1);
        blockers.add(new DemoBlocker(open.kind(), open.description(), open.owner(), open.raisedOn(), on, note));
        return this;
    }

    private Map<String, Object> update(LocalDate on, String note) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("effectiveOn", on.toString());
        if (note != null) {
            u.put("note", note);
        }
        updates.add(u);
        return u;
    }
}
