package org.landfall.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.landfall.infra.DevTokens;

/**
 * Loads demo projects through the services' public API, as an intake officer, an administrator and a site
 * inspector would: {@code load} the seed articles' projects with their annual plans and the places' targets, or
 * {@code generate --projects N --seed S} synthetic projects. Whatever is there already, a load ends with every
 * project, plan, target, update and blocker of the demo recorded, or says what is not and exits 1: each contract
 * carries an Idempotency-Key of its content ({@link DemoProject#signingKey}), or is found as the duplicate it is; plans
 * and targets are compared with what intake holds and set where they differ; the updates of every project, new or
 * not, are compared with its status history, and only the missing ones are posted; its blockers are compared with the
 * status's (by kind and description), and only those it lacks are raised, and those it holds open resolved where the
 * demo resolves them.
 * <pre>java -jar demo-data/target/demo-data.jar load|generate [--intake URL] [--status URL] [--projects N] [--seed S] [--attempts N]</pre>
 */
public final class DemoLoader {

    /** Members in a stable order (a Map.of's varies from run to run), so that a contract's signing key stays the same. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** Status learns a project from intake's events, within a second normally; this long without learning any means it does not. */
    private static final Duration LEARNING_BOUND = Duration.ofSeconds(120);
    private static final Set<String> OPTIONS = Set.of("--intake", "--status", "--projects", "--seed", "--attempts");
    private static final String USAGE = "usage: load|generate [--intake URL] [--status URL] [--projects N] [--seed S] [--attempts N]";

    private final Api intake;
    /** Intake as an administrator: only one sets a place's targets. */
    private final Api admin;
    private final Api status;
    private long learnBy;

    DemoLoader(Api intake, Api admin, Api status) {
        this.intake = intake;
        this.admin = admin;
        this.status = status;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                usage();
            }
            options.put(args[i], args[i + 1]);
        }
        String command = args.length == 0 ? "" : args[0];
        List<DemoProject> projects = switch (command) {
            case "load" -> SeedProjects.all(LocalDate.now());
            case "generate" -> SyntheticProjects.generate(Integer.parseInt(options.getOrDefault("--projects", "1000")),
                    Long.parseLong(options.getOrDefault("--seed", "1")), LocalDate.now());
            default -> usage();
        };
        List<DemoTarget> targets = command.equals("load") ? SeedProjects.targets() : List.of();
        // 8 attempts: the pauses between them add up to about 26 s, more than a service takes to restart
        Retrying retrying = new Retrying(Integer.parseInt(options.getOrDefault("--attempts", "8")),
                Duration.ofMillis(250), Duration.ofSeconds(10), pause -> Thread.sleep(pause.toMillis()));
        var http = Api.client();
        String intake = options.getOrDefault("--intake", "http://127.0.0.1:8081");
        DemoLoader loader = new DemoLoader(
                new Api("project-intake", intake, DevTokens.token("demo-loader", "intake-officer"), http, retrying),
                new Api("project-intake", intake, DevTokens.token("demo-admin", "admin"), http, retrying),
                new Api("project-status", options.getOrDefault("--status", "http://127.0.0.1:8082"),
                        DevTokens.token("demo-inspector", "site-inspector"), http, retrying));
        System.out.printf("demo data: %d projects with %d updates and %d blockers, %d plans and %d targets%n", projects.size(),
                projects.stream().mapToInt(p -> p.updates.size()).sum(), projects.stream().mapToInt(p -> p.blockers.size()).sum(),
                projects.stream().mapToInt(p -> p.plans.size()).sum(), targets.size());
        LoadReport report = loader.load(projects, targets);
        report.lines().forEach(System.out::println);
        System.exit(report.complete() ? 0 : 1);
    }

    private static List<DemoProject> usage() {
        System.err.println(USAGE);
        System.exit(2);
        return List.of();
    }

    /**
     * Signs the projects that are missing, sets the plans and targets that intake does not hold as the demo has
     * them, then posts the updates each project's history is missing and raises or resolves its blockers.
     */
    LoadReport load(List<DemoProject> projects, List<DemoTarget> targets) throws InterruptedException {
        LoadReport report = new LoadReport();
        Map<DemoProject, String> ids = new LinkedHashMap<>();
        for (DemoProject p : projects) {
            sign(p, report).ifPresent(id -> ids.put(p, id));
        }
        for (var e : ids.entrySet()) {
            if (!e.getKey().plans.isEmpty()) {
                completePlans(e.getKey(), e.getValue(), report);
            }
        }
        for (DemoTarget t : targets) {
            completeTarget(t, report);
        }
        learnBy = System.nanoTime() + LEARNING_BOUND.toNanos();
        for (var e : ids.entrySet()) {
            if (!e.getKey().updates.isEmpty() || !e.getKey().blockers.isEmpty()) {
                completeFieldWork(e.getKey(), e.getValue(), report);
            }
        }
        return report;
    }

    /** The project's id, whether this load signed it or it was there (replayed key, or duplicate of it). */
    private Optional<String> sign(DemoProject p, LoadReport report) throws InterruptedException {
        Retrying.Reply r;
        try {
            String contract = write(p.contract);
            r = intake.post("/api/projects", contract, p.signingKey(contract));
        } catch (Retrying.GaveUp e) {
            report.projectFailed(p, e.getMessage());
            return Optional.empty();
        }
        JsonNode body = read(r.body());
        if (r.status() == 201) {
            if (r.header("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false)) {
                report.existing++;
            } else {
                report.created++;
            }
            return Optional.of(body.path("id").asText());
        }
        if (r.status() == 409 && body.hasNonNull("existingProjectId")) {
            report.existing++;
            return Optional.of(body.get("existingProjectId").asText());
        }
        report.projectRefused(p, refusal(intake, r));
        return Optional.empty();
    }

    private void completePlans(DemoProject p, String id, LoadReport report) throws InterruptedException {
        String plans = "/api/projects/" + id + "/plans";
        for (var plan : p.plans.entrySet()) {
            Map<String, Object> held = new LinkedHashMap<>(plan.getValue());
            held.put("year", plan.getKey());
            complete(intake, plans, plans + "/" + plan.getKey(), plan.getValue(), held, LoadReport.plan(p, plan.getKey()), report);
        }
    }

    private void completeTarget(DemoTarget t, LoadReport report) throws InterruptedException {
        String targets = "/api/targets/" + t.year();
        complete(admin, targets + t.query(), targets, t.body(), t.held(), t.describe(), report);
    }

    /** PUTs {@code body} to {@code path} unless the answer to a GET of {@code holder} holds it already. */
    private static void complete(Api api, String holder, String path, Map<String, Object> body, Map<String, Object> held,
                                 String what, LoadReport report) throws InterruptedException {
        try {
            Retrying.Reply r = api.get(holder);
            if (r.status() == 200 && Held.in(read(r.body()), held)) {
                report.held++;
                return;
            }
            if (r.status() != 200 && r.status() != 404) {
                report.settingRefused(what, refusal(api, r));
                return;
            }
            Retrying.Reply put = api.put(path, write(body));
            if (put.status() / 100 == 2) {
                report.set++;
            } else {
                report.settingRefused(what, refusal(api, put));
            }
        } catch (Retrying.GaveUp e) {
            report.settingsFailed(List.of(what), e.getMessage());
        }
    }

    /** Posts the updates the project's status history lacks, then raises or resolves the blockers it lacks. */
    private void completeFieldWork(DemoProject p, String id, LoadReport report) throws InterruptedException {
        String project = "/api/projects/" + id;
        JsonNode held;
        try {
            Retrying.Reply r = statusOnceLearnt(project);
            if (r.status() == 404) {
                String reason = "project-status has not learnt these projects from intake's events within "
                        + LEARNING_BOUND.toSeconds() + " s (see its log)";
                report.updatesFailed(p, p.updates, reason);
                report.blockersFailed(p, p.blockers, reason);
                return;
            }
            if (r.status() != 200) {
                p.updates.forEach(u -> report.updateRefused(p, u, refusal(status, r)));
                p.blockers.forEach(b -> report.blockerRefused(p, b, refusal(status, r)));
                return;
            }
            held = read(r.body());
        } catch (Retrying.GaveUp e) {
            report.updatesFailed(p, p.updates, e.getMessage());
            report.blockersFailed(p, p.blockers, e.getMessage());
            return;
        }
        completeUpdates(p, project, MissingUpdates.in(p.updates, held.path("history")), report);
        completeBlockers(p, project, held.path("blockers"), report);
    }

    private void completeUpdates(DemoProject p, String project, List<Map<String, Object>> missing, LoadReport report)
            throws InterruptedException {
        report.present += p.updates.size() - missing.size();
        for (int i = 0; i < missing.size(); i++) {
            Map<String, Object> update = missing.get(i);
            Optional<Retrying.Reply> r;
            try {
                // without an Idempotency-Key at status, the history says whether a post whose answer was lost took effect
                r = status.post(project + "/updates", write(update), () -> !MissingUpdates.in(p.updates,
                        read(status.getOnce(project + "/status")).path("history")).contains(update));
            } catch (Retrying.GaveUp e) {
                report.updatesFailed(p, missing.subList(i, missing.size()), e.getMessage());
                return;
            }
            if (r.isEmpty() || r.get().status() == 201) {
                report.posted++;
            } else {
                report.updateRefused(p, update, refusal(status, r.get()));
                report.updatesFailed(p, missing.subList(i + 1, missing.size()), "not posted after the refusal of an earlier one");
                return;
            }
        }
    }

    /**
     * Raises the blockers that {@code held} (the status's) lacks, and resolves those it holds open that the demo
     * resolves. Raising has no Idempotency-Key: the status says whether a raise whose answer was lost took effect.
     */
    private void completeBlockers(DemoProject p, String project, JsonNode held, LoadReport report)
            throws InterruptedException {
        for (int i = 0; i < p.blockers.size(); i++) {
            DemoBlocker b = p.blockers.get(i);
            try {
                Optional<JsonNode> found = stream(held).filter(b::is).findFirst();
                boolean changed = false;
                if (found.isEmpty()) {
                    Optional<Retrying.Reply> r = status.post(project + "/blockers", write(b.raising()),
                            () -> heldBlocker(project, b).isPresent());
                    if (r.isPresent() && r.get().status() != 201) {
                        report.blockerRefused(p, b, refusal(status, r.get()));
                        continue;
                    }
                    found = r.isPresent() ? Optional.of(read(r.get().body())) : heldBlocker(project, b);
                    changed = true;
                }
                if (b.resolvedOn() != null && found.orElseThrow().path("resolvedOn").isNull()) {
                    String resolution = project + "/blockers/" + found.get().path("id").asText() + "/resolution";
                    // a resolution sent twice is refused the second time (409): the first one took effect
                    Optional<Retrying.Reply> r = status.post(resolution, write(b.resolution()), () -> false);
                    if (r.isPresent() && r.get().status() != 200 && r.get().status() != 409) {
                        report.blockerRefused(p, b, refusal(status, r.get()));
                        continue;
                    }
                    changed = true;
                }
                if (changed) {
                    report.blockersRecorded++;
                } else {
                    report.blockersPresent++;
                }
            } catch (Retrying.GaveUp | IOException e) {
                report.blockersFailed(p, p.blockers.subList(i, p.blockers.size()), e.getMessage());
                return;
            }
        }
    }

    /** The blocker of the project's status that is {@code b}, read once (a {@link Retrying.Check} retries it). */
    private Optional<JsonNode> heldBlocker(String project, DemoBlocker b) throws IOException, InterruptedException {
        return stream(read(status.getOnce(project + "/status")).path("blockers")).filter(b::is).findFirst();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** {@code GET .../status}, answered 404 until status has learnt the project from intake's events. */
    private Retrying.Reply statusOnceLearnt(String project) throws Retrying.GaveUp, InterruptedException {
        while (true) {
            Retrying.Reply r = status.get(project + "/status");
            if (r.status() != 404 || System.nanoTime() - learnBy > 0) {
                if (r.status() == 200) {
                    learnBy = System.nanoTime() + LEARNING_BOUND.toNanos();
                }
                return r;
            }
            Thread.sleep(100);
        }
    }

    private static String refusal(Api api, Retrying.Reply r) {
        return "refused by " + api.name + " with " + r.status() + " " + read(r.body()).path("detail").asText(r.body());
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
