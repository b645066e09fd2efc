package org.landfall.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load did, and what the demo defines that the services still do not hold, each with the reason. Plans
 * and targets are counted together: both are set by a PUT at intake, in full, and are there or not. A blocker is
 * counted once, whether this load raised it, resolved it or both.
 */
final class LoadReport {

    private static final int NAMED_PER_REASON = 10;

    int created;
    int existing;
    int projectsRefused;
    int projectsFailed;
    int posted;
    int present;
    int updatesRefused;
    int updatesFailed;
    int set;
    int held;
    int settingsRefused;
    int settingsFailed;
    int blockersRecorded;
    int blockersPresent;
    int blockersRefused;
    int blockersFailed;
    private final Map<String, List<String>> missing = new LinkedHashMap<>();

    void projectRefused(DemoProject p, String reason) {
        projectsRefused++;
        notSigned(p, reason);
    }

    void projectFailed(DemoProject p, String reason) {
        projectsFailed++;
        notSigned(p, reason);
    }

    /** A plan or targets that intake refused; {@code what} names it. */
    void settingRefused(String what, String reason) {
        settingsRefused++;
        missing(reason, what);
    }

    void settingsFailed(List<String> what, String reason) {
        settingsFailed += what.size();
        what.forEach(w -> missing(reason, w));
    }

    void updateRefused(DemoProject p, Map<String, Object> update, String reason) {
        updatesRefused++;
        missing(reason, describe(p, update));
    }

    void updatesFailed(DemoProject p, List<Map<String, Object>> updates, String reason) {
        updatesFailed += updates.size();
        updates.forEach(u -> missing(reason, describe(p, u)));
    }

    void blockerRefused(DemoProject p, DemoBlocker b, String reason) {
        blockersRefused++;
        missing(reason, b.describe(p));
    }

    void blockersFailed(DemoProject p, List<DemoBlocker> blockers, String reason) {
        blockersFailed += blockers.size();
        blockers.forEach(b -> missing(reason, b.describe(p)));
    }

    boolean complete() {
        return missing.isEmpty();
    }

    /** The summary line, then (for an incomplete load) what is missing, grouped by reason. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("demo data: %d projects created, %d already there, %d refused, %d failed; "
                        + "%d updates posted, %d already there, %d refused, %d failed",
                created, existing, projectsRefused, projectsFailed, posted, present, updatesRefused, updatesFailed));
        lines.add(String.format("demo data: %d plans and targets set, %d already there, %d refused, %d failed",
                set, held, settingsRefused, settingsFailed));
        lines.add(String.format("demo data: %d blockers raised or resolved, %d already there, %d refused, %d failed",
                blockersRecorded, blockersPresent, blockersRefused, blockersFailed));
        if (complete()) {
            lines.add("demo data complete: every project, plan, target, update and blocker of the demo is recorded");
            return lines;
        }
        lines.add(String.format("demo data INCOMPLETE: %d projects, %d plans and targets, %d updates and %d blockers of the "
                        + "demo are not recorded:", projectsRefused + projectsFailed, settingsRefused + settingsFailed,
                updatesRefused + updatesFailed, blockersRefused + blockersFailed));
        missing.forEach((reason, items) -> {
            String named = String.join(", ", items.subList(0, Math.min(items.size(), NAMED_PER_REASON)));
            lines.add("  " + reason + ": " + named
                    + (items.size() > NAMED_PER_REASON ? " and " + (items.size() - NAMED_PER_REASON) + " more" : ""));
        });
        lines.add("Loading again adds only what is missing.");
        return lines;
    }

    private void notSigned(DemoProject p, String reason) {
        updatesFailed += p.updates.size();
        settingsFailed += p.plans.size();
        blockersFailed += p.blockers.size();
        missing(reason, p.key + " (not signed)");
    }

    /** How a load's summary names a project's plan for a year. */
    static String plan(DemoProject p, int year) {
        return p.key + " plan " + year;
    }

    private void missing(String reason, String item) {
        missing.computeIfAbsent(reason, r -> new ArrayList<>()).add(item);
    }

    private static String describe(DemoProject p, Map<String, Object> update) {
        Object stage = update.get("stage");
        return p.key + " " + (stage != null ? stage : "figures") + " on " + update.get("effectiveOn");
    }
}
