package org.landfall.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A project to load: the contract as intake takes it, then the inspectors' updates in date order. */
final class DemoProject {

    final String key;
    final Map<String, Object> contract = new LinkedHashMap<>();
    final List<Map<String, Object>> updates = new ArrayList<>();

    DemoProject(String key, String name, String investor, String province, String city, String district,
                String sector, LocalDate signedOn, BigDecimal contractValue) {
        this.key = key;
        contract.put("name", name);
        contract.put("investor", investor);
        contract.put("province", province);
        contract.put("city", city);
        if (district != null) {
            contract.put("district", district);
        }
        contract.put("sector", sector);
        contract.put("signedOn", signedOn.toString());
        contract.put("contractValue", contractValue);
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

    DemoProject stage(String stage, LocalDate on, String note) {
        Map<String, Object> u = update(on, note);
        u.put("stage", stage);
        return this;
    }

    DemoProject figures(LocalDate on, BigDecimal investmentCompleted, Integer jobsCreated) {
        Map<String, Object> u = update(on, null);
        u.put("investmentCompleted", investmentCompleted);
        if (jobsCreated != null) {
            u.put("jobsCreated", jobsCreated);
        }
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
