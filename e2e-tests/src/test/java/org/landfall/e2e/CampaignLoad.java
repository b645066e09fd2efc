package org.landfall.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.landfall.infra.DevTokens;

/**
 * A steady load of signings, annual plans and inspectors' updates, written the way a careful client writes: a
 * signing with an Idempotency-Key is retried with the same key until it gets a definitive answer; an update whose
 * outcome is unknown (no answer, a 5xx) is looked up in the project's history before it is sent again; a plan,
 * whose PUT changes nothing when repeated, is sent again until it is taken. It keeps its own ledger of every write
 * that got a 2xx, from which the end of the campaign knows what the reports must say.
 */
final class CampaignLoad {

    static final List<String> PROVINCES = List.of("Chaos-North", "Chaos-South");
    static final List<String> CITIES = List.of("Anshan", "Benxi");
    static final List<String> DISTRICTS = List.of("East", "West");
    static final List<String> SECTORS = List.of("new-energy", "equipment-manufacturing", "other");
    static final List<String> DESIGNATIONS = List.of("provincial-key", "municipal-key", "district-key");
    static final List<String> PARKS = List.of("Chaos Park East", "Chaos Park West");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One inspector's visit: a stage and/or cumulative figures, as of a date. */
    record Step(String stage, LocalDate effectiveOn, BigDecimal investment, Long jobs) {
        String json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("effectiveOn", effectiveOn.toString());
            if (stage != null) {
                body.put("stage", stage);
            }
            if (investment != null) {
                body.put("investmentCompleted", investment);
            }
            if (jobs != null) {
                body.put("jobsCreated", jobs);
            }
            return write(body);
        }
    }

    /** A project of the campaign, from its signing to its last planned update. */
    static final class Project {
        final String idempotencyKey = UUID.randomUUID().toString();
        final String province, city, district, sector;
        final LocalDate signedOn;
        final BigDecimal contractValue;
        final long plannedJobs;
        final List<Step> steps;
        final String body;
        /** The year of the project's annual plan (null: none) and the plan's body. */
        final Integer planYear;
        final String planBody;
        volatile boolean planAcked;
        volatile UUID id;
        volatile int acked;
        final List<UUID> updateIds = Collections.synchronizedList(new ArrayList<>());
        boolean outcomeUnknown;
        /** Refused with a 4xx although it follows every rule: reported, and not tried again. */
        boolean abandoned;
        long notBefore;

        Project(Random rnd, int n) {
            province = PROVINCES.get(rnd.nextInt(PROVINCES.size()));
            city = CITIES.get(rnd.nextInt(CITIES.size()));
            district = rnd.nextInt(4) == 0 ? null : DISTRICTS.get(rnd.nextInt(DISTRICTS.size()));
            sector = SECTORS.get(rnd.nextInt(SECTORS.size()));
            LocalDate today = LocalDate.now(ZONE);
            signedOn = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(900));
            contractValue = BigDecimal.valueOf(1_000_000L + rnd.nextInt(900_000_000)).add(BigDecimal.valueOf(rnd.nextInt(100), 2));
            plannedJobs = rnd.nextInt(500);
            steps = plan(rnd, signedOn, today);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", "Fault campaign project " + n + " " + idempotencyKey);
            b.put("investor", "Campaign Investor " + rnd.nextInt(50) + " Co., Ltd.");
            b.put("province", province);
            b.put("city", city);
            if (district != null) {
                b.put("district", district);
            }
            b.put("sector", sector);
            b.put("signedOn", signedOn.toString());
            b.put("contractValue", contractValue);
            b.put("plannedJobs", plannedJobs);
            b.put("designations", DESIGNATIONS.stream().filter(d -> rnd.nextInt(4) == 0).toList());
            if (rnd.nextBoolean()) {
                b.put("park", PARKS.get(rnd.nextInt(PARKS.size())));
            }
            if (rnd.nextInt(4) > 0) {
                b.put("plannedStartOn", signedOn.plusDays(rnd.nextInt(365)).toString());
            }
            body = write(b);
            if (rnd.nextBoolean()) {
                planYear = Math.min(today.getYear(), signedOn.getYear() + rnd.nextInt(2));
                planBody = write(Map.of("plannedInvestment", BigDecimal.valueOf(rnd.nextInt(500_000_000), 2),
                        "startPlanned", rnd.nextBoolean()));
            } else {
                planYear = null;
                planBody = null;
            }
        }

        boolean planOwed() {
            return planYear != null && !planAcked;
        }

        /** Most projects start, report progress and become operational; some are suspended and resume; some are cancelled. */
        private static List<Step> plan(Random rnd, LocalDate signedOn, LocalDate today) {
            long span = ChronoUnit.DAYS.between(signedOn, today);
            LocalDate d1 = signedOn.plusDays(span / 4), d2 = signedOn.plusDays(span / 2), d3 = signedOn.plusDays(3 * span / 4);
            BigDecimal i1 = BigDecimal.valueOf(rnd.nextInt(1_000_000)), i2 = i1.add(BigDecimal.valueOf(rnd.nextInt(1_000_000)));
            long j1 = rnd.nextInt(100), j2 = j1 + rnd.nextInt(100);
            int kind = rnd.nextInt(20);
            if (kind < 3) {
                return List.of(new Step("CANCELLED", d1, null, null));
            }
            if (kind < 6) {
                return List.of(new Step("STARTED", d1, i1, j1), new Step("SUSPENDED", d2, null, null),
                        new Step("STARTED", d3, i2, j2));
            }
            return List.of(new Step("STARTED", d1, i1, j1), new Step(null, d2, i2, j2),
                    new Step("OPERATIONAL", d3, i2.add(BigDecimal.TEN), j2 + 1));
        }

        /** The stage after the acknowledged steps. */
        String stage() {
            String s = "SIGNED";
            for (int i = 0; i < acked; i++) {
                s = steps.get(i).stage() == null ? s : steps.get(i).stage();
            }
            return s;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Supplier<ServiceProcess> intake;
    private final Supplier<ServiceProcess> status;
    private final String officer = DevTokens.token("campaign-officer", "intake-officer");
    private final String inspector = DevTokens.token("campaign-inspector", "site-inspector");
    private final String admin = DevTokens.token("campaign-admin", "admin");
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    final List<Project> projects = Collections.synchronizedList(new ArrayList<>());

    // what happened, client side
    final AtomicLong requests = new AtomicLong();
    final AtomicLong contractsAcked = new AtomicLong();
    final AtomicLong updatesAcked = new AtomicLong();
    final AtomicLong plansAcked = new AtomicLong();
    final AtomicLong noAnswer = new AtomicLong();
    final AtomicLong notYetKnown = new AtomicLong();
    final AtomicLong resolvedByLookup = new AtomicLong();
    final AtomicLong acceptedWhileKafkaDown = new AtomicLong();
    final ConcurrentMap<Integer, AtomicLong> serverErrors = new ConcurrentHashMap<>();
    /** 4xx answers to writes that follow every rule: must stay empty. */
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    volatile boolean kafkaDown;

    CampaignLoad(Supplier<ServiceProcess> intake, Supplier<ServiceProcess> status) {
        this.intake = intake;
        this.status = status;
    }

    void start(int writers, long seed) {
        running.set(true);
        for (int w = 0; w < writers; w++) {
            Random rnd = new Random(seed + w);
            Thread t = new Thread(() -> write(rnd), "campaign-writer-" + w);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /**
     * Annual targets for each province and for one city in each, for the years {@code from}..{@code to}: set before
     * the load by an admin, each PUT sent until it is taken (the same targets again change nothing).
     */
    void setTargets(int from, int to, Random rnd) throws InterruptedException {
        for (int year = from; year <= to; year++) {
            for (String province : PROVINCES) {
                for (String city : Arrays.asList(null, CITIES.get(0))) {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("province", province);
                    if (city != null) {
                        b.put("city", city);
                    }
                    b.put("signedCount", 50 + rnd.nextInt(200));
                    b.put("signedValue", BigDecimal.valueOf(10_000_000_000L + rnd.nextInt(1_000_000_000)));
                    b.put("starts", 20 + rnd.nextInt(100));
                    b.put("investmentCompleted", BigDecimal.valueOf(100_000_000L + rnd.nextInt(100_000_000)));
                    String url = intake.get().url("/api/targets/" + year), body = write(b);
                    HttpResponse<String> r;
                    while ((r = request("PUT", url, admin, body, null)) == null || r.statusCode() != 200) {
                        if (definitive(r)) {
                            throw new IllegalStateException("PUT " + url + " refused: " + r.statusCode() + " " + r.body());
                        }
                        Thread.sleep(300);
                    }
                }
            }
        }
    }

    /** Stops sending new writes, then settles every write whose outcome is still open, until all are definitive. */
    void stopAndSettle(Duration timeout) throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Random rnd = new Random(0);
        while (projects.stream().anyMatch(p -> !p.abandoned && (p.id == null || p.outcomeUnknown || p.planOwed()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("writes still without a definitive answer after " + timeout);
            }
            for (Project p : List.copyOf(projects)) {
                if (p.abandoned) {
                    continue;
                } else if (p.id == null) {
                    sign(p);
                } else {
                    if (p.outcomeUnknown) {
                        step(p, rnd);
                    }
                    if (p.planOwed()) {
                        plan(p);
                    }
                }
            }
            Thread.sleep(200);
        }
    }

    private void write(Random rnd) {
        List<Project> mine = new ArrayList<>();
        int n = 0;
        while (running.get()) {
            long now = System.nanoTime();
            List<Project> due = mine.stream()
                    .filter(p -> !p.abandoned && p.notBefore <= now
                            && (p.id == null || p.acked < p.steps.size() || p.planOwed())).toList();
            if (!due.isEmpty() && rnd.nextInt(10) < 6) {
                Project p = due.get(rnd.nextInt(due.size()));
                if (p.id == null) {
                    sign(p);
                } else if (p.planOwed() && (p.acked == p.steps.size() || rnd.nextBoolean())) {
                    plan(p);
                } else {
                    step(p, rnd);
                }
            } else {
                Project p = new Project(rnd, n++);
                mine.add(p);
                projects.add(p);
                sign(p);
            }
            sleep(40);
        }
    }

    private void sign(Project p) {
        HttpResponse<String> r = request("POST", intake.get().url("/api/projects"), officer, p.body, p.idempotencyKey);
        if (r != null && r.statusCode() == 201) {
            p.id = UUID.fromString(read(r.body()).path("id").asText());
            contractsAcked.incrementAndGet();
            if (kafkaDown) {
                acceptedWhileKafkaDown.incrementAndGet();
            }
        } else {
            refusedOrLater(p, "POST /api/projects", r);
        }
    }

    private void step(Project p, Random rnd) {
        Step s = p.steps.get(p.acked);
        if (p.outcomeUnknown) {
            // The last attempt may have been recorded: look before sending it again.
            UUID recorded = lookup(p, s);
            if (recorded == LOOKUP_FAILED) {
                p.notBefore = System.nanoTime() + 300_000_000L;
                return;
            }
            if (recorded != null) {
                resolvedByLookup.incrementAndGet();
                acked(p, recorded);
                return;
            }
        }
        HttpResponse<String> r = request("POST", status.get().url("/api/projects/" + p.id + "/updates"), inspector, s.json(), null);
        if (r != null && r.statusCode() == 201) {
            acked(p, UUID.fromString(read(r.body()).path("id").asText()));
        } else if (r != null && r.statusCode() == 404) {
            // status has not learnt the signing yet (it travels through Kafka)
            notYetKnown.incrementAndGet();
            p.notBefore = System.nanoTime() + 300_000_000L + rnd.nextInt(200_000_000);
        } else if (definitive(r)) {
            refused.add("POST updates " + r.statusCode() + " " + r.body());
            p.abandoned = true;
        } else {
            p.outcomeUnknown = true;
            p.notBefore = System.nanoTime() + 300_000_000L;
        }
    }

    /** A plan's PUT leaves the plan as sent however often it arrives: an open outcome is settled by sending it again. */
    private void plan(Project p) {
        HttpResponse<String> r = request("PUT", intake.get().url("/api/projects/" + p.id + "/plans/" + p.planYear), officer,
                p.planBody, null);
        if (r != null && r.statusCode() == 200) {
            p.planAcked = true;
            plansAcked.incrementAndGet();
        } else {
            refusedOrLater(p, "PUT plans", r);
        }
    }

    /** A write the service refused for good is reported and its project left alone; any other is sent again later. */
    private void refusedOrLater(Project p, String write, HttpResponse<String> r) {
        if (definitive(r)) {
            refused.add(write + " " + r.statusCode() + " " + r.body());
            p.abandoned = true;
        } else {
            p.notBefore = System.nanoTime() + 300_000_000L;
        }
    }

    private static final UUID LOOKUP_FAILED = new UUID(0, 1);

    private UUID lookup(Project p, Step s) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(status.get().url("/api/projects/" + p.id + "/status")))
                    .header("Authorization", "Bearer " + inspector).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return LOOKUP_FAILED;
            }
            for (JsonNode u : read(r.body()).path("history")) {
                if (u.path("effectiveOn").asText().equals(s.effectiveOn().toString())
                        && (s.stage() == null ? u.path("stage").isMissingNode() || u.path("stage").isNull()
                        : s.stage().equals(u.path("stage").asText()))
                        && (s.investment() == null || s.investment().compareTo(u.path("investmentCompleted").decimalValue()) == 0)
                        && !p.updateIds.contains(UUID.fromString(u.path("id").asText()))) {
                    return UUID.fromString(u.path("id").asText());
                }
            }
            return null;
        } catch (IOException e) {
            return LOOKUP_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LOOKUP_FAILED;
        }
    }

    private void acked(Project p, UUID updateId) {
        p.updateIds.add(updateId);
        p.acked++;
        p.outcomeUnknown = false;
        updatesAcked.incrementAndGet();
        if (kafkaDown) {
            acceptedWhileKafkaDown.incrementAndGet();
        }
    }

    /** A 4xx is the service's definitive no; no answer or a 5xx leaves the outcome open. */
    private static boolean definitive(HttpResponse<String> r) {
        return r != null && r.statusCode() >= 400 && r.statusCode() < 500;
    }

    private HttpResponse<String> request(String method, String url, String token, String body, String idempotencyKey) {
        requests.incrementAndGet();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                serverErrors.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
            }
            return r;
        } catch (IOException e) {
            noAnswer.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer: " + body, e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
