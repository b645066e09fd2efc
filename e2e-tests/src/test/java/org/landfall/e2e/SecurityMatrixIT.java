package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.landfall.infra.DevTokens;

/**
 * Every endpoint of the contract x every kind of caller: no token, an expired one, one signed by another key,
 * one from another issuer or for another audience, a malformed one (all 401), each role that may not (403) and
 * each role that may (success). Refused writes change nothing.
 */
class SecurityMatrixIT {

    static final List<String> ROLES = DevTokens.ROLES;
    static final Set<String> ANY = Set.copyOf(ROLES);
    static final Set<String> INTAKE_WRITERS = Set.of("intake-officer", "admin");
    static final Set<String> STATUS_WRITERS = Set.of("site-inspector", "admin");
    static final Set<String> REPORT_READERS = Set.of("analyst", "admin");
    static final Set<String> ADMINS = Set.of("admin");
    /** A place of this test's own for the targets it sets. */
    static final String PLACE = "Matrix-" + UUID.randomUUID().toString().substring(0, 8);

    static RunningLandfall landfall;
    static String projectId;
    static final AtomicInteger UNIQUE = new AtomicInteger();

    /** The known project's update with one photo, for the evidence endpoints. */
    static String updateId;
    static String evidenceId;

    /**
     * An endpoint; in its path {@code {id}} is the known project, {@code {update}} its update, {@code {evidence}} that
     * update's photo and {@code {blocker}} a blocker of the project raised for this call.
     */
    record Endpoint(String name, ServiceProcess service, String method, String path, Set<String> roles,
                    Supplier<?> body, String contentType) {
        Endpoint(String name, ServiceProcess service, String method, String path, Set<String> roles, Supplier<?> body) {
            this(name, service, method, path, roles, body, ContentType.JSON.toString());
        }

        Response call(RequestSpecification request) {
            return callOn(service, request);
        }

        /** This endpoint's request, sent to {@code target} (a service of the same name elsewhere). */
        Response callOn(ServiceProcess target, RequestSpecification request) {
            if (body != null) {
                Object content = body.get();
                // bytes as they are: as an Object, REST Assured would serialise them by the media type (XML here)
                request = content instanceof byte[] bytes ? request.contentType(contentType).body(bytes)
                        : request.contentType(contentType).body(content);
            }
            String resolved = path.replace("{id}", projectId).replace("{update}", updateId).replace("{evidence}", evidenceId);
            return request.request(method, target.url(resolved.contains("{blocker}") ? resolved.replace("{blocker}", blocker()) : resolved));
        }
    }

    static final String BLOCKER = "{\"kind\": \"land\", \"description\": \"waits for the land\", \"owner\": \"Land bureau\", "
            + "\"raisedOn\": \"2023-02-01\"}";

    static String blocker() {
        return given().auth().oauth2(DevTokens.token("admin-matrix", "admin")).contentType(ContentType.JSON).body(BLOCKER)
                .post(landfall.status.url("/api/projects/" + projectId + "/blockers")).then().statusCode(201).extract().path("id");
    }

    /** A small real PNG, of the JDK's encoder, a different one each time. */
    static byte[] photo() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, UNIQUE.incrementAndGet());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @BeforeAll
    static void aKnownProject() throws Exception {
        landfall = RunningLandfall.get();
        projectId = given().auth().oauth2(DevTokens.token("admin-matrix", "admin")).contentType(ContentType.JSON)
                .body(newProject()).post(landfall.intake.url("/api/projects"))
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(DevTokens.token("a", "admin"))
                .get(landfall.status.url("/api/projects/" + projectId + "/status")).statusCode() == 200);
        String admin = DevTokens.token("admin-matrix", "admin");
        updateId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"effectiveOn\": \"2023-01-20\", \"note\": \"first visit\"}")
                .post(landfall.status.url("/api/projects/" + projectId + "/updates")).then().statusCode(201).extract().path("id");
        evidenceId = given().auth().oauth2(admin).contentType("image/png").body(photo())
                .post(landfall.status.url("/api/projects/" + projectId + "/updates/" + updateId + "/evidence"))
                .then().statusCode(201).extract().path("id");
    }

    static String newProject() {
        return """
                {"name": "Matrix project %d %s", "investor": "Matrix Investor", "province": "Liaoning",
                 "city": "Shenyang", "sector": "new-energy", "signedOn": "2023-01-10", "contractValue": 1000000}
                """.formatted(UNIQUE.incrementAndGet(), UUID.randomUUID());
    }

    static String contractFile() {
        return "name,investor,province,city,sector,signedOn,contractValue\r\n\"Matrix import %d %s\",Matrix Investor,"
                .formatted(UNIQUE.incrementAndGet(), UUID.randomUUID()) + "Liaoning,Shenyang,new-energy,2023-01-10,1000000\r\n";
    }

    /** The contract of {@link #contractFile} as an .xlsx workbook. */
    static byte[] contractWorkbook() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            String[][] rows = {{"项目名称", "投资方", "省份", "城市", "行业", "签约日期", "合同金额（元）"},
                    {"Matrix workbook " + UNIQUE.incrementAndGet() + " " + UUID.randomUUID(), "Matrix Investor", "Liaoning",
                            "Shenyang", "new-energy", "2023-01-10"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            sheet.getRow(1).createCell(6).setCellValue(1000000);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Endpoint> endpoints() {
        ServiceProcess intake = landfall.intake, status = landfall.status, reporting = landfall.reporting;
        return List.of(
                new Endpoint("create project", intake, "POST", "/api/projects", INTAKE_WRITERS, SecurityMatrixIT::newProject),
                new Endpoint("read project", intake, "GET", "/api/projects/{id}", ANY, null),
                new Endpoint("search projects", intake, "GET", "/api/projects?q=Matrix", ANY, null),
                new Endpoint("correct project", intake, "POST", "/api/projects/{id}/corrections", INTAKE_WRITERS,
                        () -> "{\"reason\": \"typo\", \"changes\": {\"plannedJobs\": " + UNIQUE.incrementAndGet() + "}}"),
                new Endpoint("sectors", intake, "GET", "/api/sectors", ANY, null),
                new Endpoint("designations", intake, "GET", "/api/designations", ANY, null),
                new Endpoint("regions", intake, "GET", "/api/regions?parent=230000", ANY, null),
                new Endpoint("search key projects", intake, "GET",
                        "/api/projects?designation=provincial-key,municipal-key&park=x&minContractValue=1", ANY, null),
                new Endpoint("set plan", intake, "PUT", "/api/projects/{id}/plans/2024", INTAKE_WRITERS,
                        () -> "{\"plannedInvestment\": " + UNIQUE.incrementAndGet() + ", \"startPlanned\": true}"),
                new Endpoint("read plans", intake, "GET", "/api/projects/{id}/plans", ANY, null),
                new Endpoint("set targets", intake, "PUT", "/api/targets/2024", ADMINS,
                        () -> "{\"province\": \"" + PLACE + "\", \"starts\": " + UNIQUE.incrementAndGet() + "}"),
                new Endpoint("read targets", intake, "GET", "/api/targets/2024?province=" + PLACE, ANY, null),
                new Endpoint("import contracts", intake, "POST", "/api/projects/imports", INTAKE_WRITERS,
                        SecurityMatrixIT::contractFile, "text/csv"),
                new Endpoint("import a workbook", intake, "POST", "/api/projects/imports", INTAKE_WRITERS,
                        SecurityMatrixIT::contractWorkbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                new Endpoint("import template", intake, "GET", "/api/projects/imports/template.xlsx", ANY, null),
                new Endpoint("import template as CSV", intake, "GET", "/api/projects/imports/template.csv", ANY, null),
                new Endpoint("ledger", intake, "GET", "/api/projects.xlsx?q=Matrix", ANY, null),
                new Endpoint("ledger as CSV", intake, "GET", "/api/projects.csv?q=Matrix", ANY, null),
                new Endpoint("project as OC4IDS", intake, "GET", "/api/projects/{id}/oc4ids", ANY, null),
                new Endpoint("OC4IDS package", intake, "GET", "/api/projects/oc4ids?q=Matrix", ANY, null),
                new Endpoint("post update", status, "POST", "/api/projects/{id}/updates", STATUS_WRITERS,
                        () -> "{\"effectiveOn\": \"2023-02-01\", \"note\": \"visit " + UNIQUE.incrementAndGet() + "\"}"),
                new Endpoint("read status", status, "GET", "/api/projects/{id}/status", ANY, null),
                new Endpoint("list by stage", status, "GET", "/api/projects?stage=SIGNED", ANY, null),
                new Endpoint("post update again", status, "POST", "/api/projects/{id}/updates", STATUS_WRITERS,
                        () -> "{\"effectiveOn\": \"2023-02-01\", \"milestones\": [\"land-acquired\"], \"fundsInPlace\": "
                                + UNIQUE.incrementAndGet() + "}"),
                new Endpoint("milestones", status, "GET", "/api/milestones", ANY, null),
                new Endpoint("watch list", status, "GET", "/api/watchlist?province=Liaoning&level=red", ANY, null),
                new Endpoint("raise blocker", status, "POST", "/api/projects/{id}/blockers", STATUS_WRITERS, () -> BLOCKER),
                new Endpoint("resolve blocker", status, "POST", "/api/projects/{id}/blockers/{blocker}/resolution",
                        STATUS_WRITERS, () -> "{\"resolvedOn\": \"2023-02-02\", \"note\": \"settled\"}"),
                new Endpoint("attach photo", status, "POST", "/api/projects/{id}/updates/{update}/evidence", STATUS_WRITERS,
                        SecurityMatrixIT::photo, "image/png"),
                new Endpoint("read photo", status, "GET", "/api/projects/{id}/updates/{update}/evidence/{evidence}", ANY, null),
                new Endpoint("quarterly report", reporting, "GET", "/api/reports/quarterly?from=2023-Q1&to=2023-Q2", REPORT_READERS, null),
                new Endpoint("quarterly csv", reporting, "GET", "/api/reports/quarterly.csv?from=2023-Q1&to=2023-Q2", REPORT_READERS, null),
                new Endpoint("quarters with data", reporting, "GET", "/api/reports/quarters", REPORT_READERS, null),
                new Endpoint("quarterly workbook", reporting, "GET", "/api/reports/quarterly.xlsx?from=2023-Q1&to=2023-Q2",
                        REPORT_READERS, null),
                new Endpoint("quarterly report of Shenyang", reporting, "GET",
                        "/api/reports/quarterly?from=2023-Q1&to=2023-Q2&regionCode=210100", REPORT_READERS, null));
    }

    /**
     * The jurisdictions of the axis, beside the project of the matrix, which lies in Shenyang (210100): its own
     * place, the province around it, a district inside it, another province's city, the whole country.
     */
    enum Reach {
        INSIDE("210100"), PARENT("210000"), CHILD("210102"), OUTSIDE("230500"), WHOLE_COUNTRY("000000");

        final String code;

        Reach(String code) {
            this.code = code;
        }

        /** Whether a person of this jurisdiction holds Shenyang (a project there, a report of it). */
        boolean holdsShenyang() {
            return this != CHILD && this != OUTSIDE;
        }
    }

    /** What an endpoint asks of the caller's jurisdiction. */
    enum Scope {
        /** Writes the project of the matrix or a contract in Shenyang, or reports on Shenyang: Shenyang must be inside. */
        SHENYANG,
        /** A report of the whole country: only the whole country's. */
        WHOLE_COUNTRY,
        /** Reads a project, or lists (which show the jurisdiction's projects): anyone's. */
        ANY
    }

    static Scope scope(Endpoint e) {
        return switch (e.name()) {
            case "create project", "correct project", "set plan", "import contracts", "import a workbook", "post update",
                 "post update again", "raise blocker", "resolve blocker", "attach photo",
                 "quarterly report of Shenyang" -> Scope.SHENYANG;
            case "quarterly report", "quarterly csv", "quarterly workbook" -> Scope.WHOLE_COUNTRY;
            default -> Scope.ANY;
        };
    }

    /**
     * Every endpoint for every role that may call it, in each jurisdiction: within its reach it answers as always,
     * beyond it 403 (problem+json, nothing changed); an admin reaches everywhere whatever the token's claim.
     */
    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryJurisdiction() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String role : e.roles()) {
                for (Reach reach : Reach.values()) {
                    String token = DevTokens.tokenIn(reach.code, "matrix-" + role + "-" + reach.code, role);
                    boolean may = role.equals("admin") || switch (scope(e)) {
                        case SHENYANG -> reach.holdsShenyang();
                        case WHOLE_COUNTRY -> reach == Reach.WHOLE_COUNTRY;
                        case ANY -> true;
                    };
                    String name = e.name() + " / " + role + " of " + reach + " (" + reach.code + ")" + (may ? " may" : " may not");
                    // An OC4IDS package holds at least one project: beyond Shenyang the search finds none, a 404.
                    boolean empty = e.name().equals("OC4IDS package") && !role.equals("admin") && !reach.holdsShenyang();
                    tests.add(DynamicTest.dynamicTest(name, may ? () -> {
                        Response r = e.call(given().auth().oauth2(token));
                        assertTrue(empty ? r.statusCode() == 404 : r.statusCode() >= 200 && r.statusCode() < 300,
                                name + " gave " + r.statusCode() + ": " + r.asString());
                    } : () -> refused(e, given().auth().oauth2(token), 403)));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() throws Exception {
        PrivateKey otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        record Caller(String name, Supplier<RequestSpecification> spec, Integer expected, String role) {
        }
        List<Caller> bad = List.of(
                new Caller("no token", () -> given(), 401, null),
                new Caller("malformed token", () -> given().header("Authorization", "Bearer not.a.jwt"), 401, null),
                new Caller("token expired beyond the clock skew", () -> given().auth().oauth2(DevTokens.sign("u",
                        List.of("admin"), Duration.ofMinutes(-10), DevTokens.ISSUER)), 401, null),
                new Caller("token living longer than the maximum lifetime", () -> given().auth().oauth2(DevTokens.sign("u",
                        List.of("admin"), Duration.ofDays(30), DevTokens.ISSUER)), 401, null),
                new Caller("token without a subject", () -> given().auth().oauth2(DevTokens.sign(null, List.of("admin"),
                        Duration.ofHours(1), DevTokens.ISSUER)), 401, null),
                new Caller("token signed by another key", () -> given().auth().oauth2(DevTokens.sign("u", List.of("admin"),
                        Duration.ofHours(1), DevTokens.ISSUER, DevTokens.AUDIENCE, otherKey)), 401, null),
                new Caller("token of another issuer", () -> given().auth().oauth2(DevTokens.sign("u", List.of("admin"),
                        Duration.ofHours(1), "https://evil.example.org")), 401, null),
                new Caller("token for another audience", () -> given().auth().oauth2(DevTokens.sign("u", List.of("admin"),
                        Duration.ofHours(1), DevTokens.ISSUER, "another-app")), 401, null));
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Caller c : bad) {
                tests.add(DynamicTest.dynamicTest(e.name() + " / " + c.name(), () -> refused(e, c.spec().get(), 401)));
            }
            for (String role : ROLES) {
                RequestSpecification spec = given().auth().oauth2(DevTokens.token("matrix-" + role, role));
                if (e.roles().contains(role)) {
                    tests.add(DynamicTest.dynamicTest(e.name() + " / " + role + " may", () -> {
                        Response r = e.call(spec);
                        assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, e.name() + " as " + role + " gave " + r.statusCode());
                        carriesTheSecurityHeaders(r, e.name() + " as " + role);
                    }));
                } else {
                    tests.add(DynamicTest.dynamicTest(e.name() + " / " + role + " may not",
                            () -> refused(e, given().auth().oauth2(DevTokens.token("matrix-" + role, role)), 403)));
                }
            }
        }
        return tests.stream();
    }

    /**
     * The refusal is a problem+json with the expected status, and the project, its history, its plans and the
     * test's targets are unchanged.
     */
    private static void refused(Endpoint e, RequestSpecification spec, int expected) {
        String admin = DevTokens.token("admin-check", "admin");
        int projects = given().auth().oauth2(admin).get(landfall.intake.url("/api/projects?size=1")).path("total");
        int revision = given().auth().oauth2(admin).get(landfall.intake.url("/api/projects/" + projectId)).path("revision");
        int history = given().auth().oauth2(admin).get(landfall.status.url("/api/projects/" + projectId + "/status"))
                .path("history.size()");
        Supplier<String> plansAndTargets = () -> given().auth().oauth2(admin)
                .get(landfall.intake.url("/api/projects/" + projectId + "/plans")).asString()
                + given().auth().oauth2(admin).queryParam("province", PLACE).get(landfall.intake.url("/api/targets/2024")).asString();
        String plansAndTargetsBefore = plansAndTargets.get();

        Response r = e.call(spec);
        assertEquals(expected, r.statusCode(), e.name() + ": " + r.asString());
        carriesTheSecurityHeaders(r, e.name());
        assertTrue(r.contentType().startsWith("application/problem+json"), e.name() + ": " + r.contentType());
        assertEquals(expected, r.jsonPath().getInt("status"));

        assertEquals(projects, (int) given().auth().oauth2(admin).get(landfall.intake.url("/api/projects?size=1")).path("total"));
        assertEquals(revision, (int) given().auth().oauth2(admin).get(landfall.intake.url("/api/projects/" + projectId)).path("revision"));
        assertEquals(history, (int) given().auth().oauth2(admin).get(landfall.status.url("/api/projects/" + projectId + "/status"))
                .path("history.size()"));
        assertEquals(plansAndTargetsBefore, plansAndTargets.get());
    }

    /** Every answer, a refusal too, tells the browser what a page of the service may load and do. */
    static void carriesTheSecurityHeaders(Response r, String what) {
        String policy = r.header("Content-Security-Policy");
        assertTrue(policy != null && policy.startsWith("default-src 'self'") && policy.contains("script-src 'self';")
                && policy.contains("frame-ancestors 'none'"), what + ": Content-Security-Policy " + policy);
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", r.header("Referrer-Policy"), what);
    }

    @Test
    void shouldServeHealthOnTheServicesPortAndMetricsAndApiDocsOnTheManagementPortWithoutAToken() {
        for (ServiceProcess s : landfall.all()) {
            for (String path : List.of("/q/health/live", "/q/health/ready")) {
                assertEquals(200, given().get(s.url(path)).statusCode(), s.name + path);
            }
            for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                assertEquals(200, given().get(s.managementUrl(path)).statusCode(), s.name + " management " + path);
                assertEquals(404, given().get(s.url(path)).statusCode(), s.name + path + " on the service's port");
            }
        }
    }

    @Test
    void shouldKeepMetricsAndApiDocsOffTheServicesPortInProductionMode() throws Exception {
        for (ServiceProcess s : ProductionLandfall.get().all()) {
            for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                assertEquals(404, given().get(s.url(path)).statusCode(), s.name + path + " on the service's port");
                assertEquals(200, given().get(s.managementUrl(path)).statusCode(), s.name + " management " + path);
            }
            assertEquals(200, given().get(s.url("/q/health/ready")).statusCode(), s.name + " health");
        }
    }

    @Test
    void shouldRefuseToStartInProductionModeWithoutAnIssuerOrADatabasePassword() throws Exception {
        Map<String, String> production = ProductionLandfall.environment("https://idp.e2e.example/certs");
        production.put("LANDFALL_JWT_ISSUER", null);
        assertRefusedToStart(production, "LANDFALL_JWT_ISSUER");
        production = ProductionLandfall.environment("https://idp.e2e.example/certs");
        production.put("QUARKUS_DATASOURCE_PASSWORD", null);
        assertRefusedToStart(production, "QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void shouldServeThePagesWithoutATokenSinceTheyHoldNoData() {
        for (ServiceProcess s : landfall.all()) {
            for (String path : List.of("/", "/assets/landfall.js", "/assets/landfall.css")) {
                Response page = given().get(s.url(path));
                assertEquals(200, page.statusCode(), s.name + path);
                carriesTheSecurityHeaders(page, s.name + path);
            }
        }
    }

    /** The dashboard reads intake's project list and status's watch list; no page of another origin reads either. */
    @Test
    void shouldLetTheLocalRunsDashboardCallIntakeAndStatusAcrossOriginsButNoPageFromElsewhere() {
        String dashboard = landfall.reporting.url("");
        String analyst = DevTokens.token("analyst-e2e-cors", "analyst");
        for (String api : List.of(landfall.intake.url("/api/projects"), landfall.status.url("/api/watchlist"))) {
            // The browser's preflight for the dashboard's call with a bearer token: allowed, without cookies.
            given().header("Origin", dashboard).header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization").options(api)
                    .then().statusCode(200).header("Access-Control-Allow-Origin", dashboard)
                    .header("Access-Control-Allow-Credentials", "false");
            given().header("Origin", dashboard).auth().oauth2(analyst).get(api)
                    .then().statusCode(200).header("Access-Control-Allow-Origin", dashboard);
            // A page from anywhere else is refused.
            given().header("Origin", "https://elsewhere.example").auth().oauth2(analyst).get(api).then().statusCode(403);
        }
    }

    @Test
    void shouldMintInTheLocalRunADevelopmentTokenThatHoldsOnlyTheChosenRole() {
        String analyst = given().contentType(ContentType.JSON).body("{\"role\": \"analyst\"}")
                .post(landfall.intake.url("/dev/tokens")).then().statusCode(200).header("Cache-Control", "no-store")
                .extract().path("token");
        given().auth().oauth2(analyst).get(landfall.reporting.url("/api/reports/quarterly")).then().statusCode(200);
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(newProject())
                .post(landfall.intake.url("/api/projects")).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"role\": \"root\"}").post(landfall.status.url("/dev/tokens"))
                .then().statusCode(422).body("errors[0].field", equalTo("role"));
    }
    /**
     * Production mode: the development key signs a token with the right issuer, audience, key id and role, which
     * the provider's JWKS address even serves; every endpoint refuses it, as it refuses no token at all.
     */
    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesTheDevelopmentKeyInProductionMode() throws Exception {
        ProductionLandfall production = ProductionLandfall.get();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            ServiceProcess target = production.like(e.service());
            tests.add(DynamicTest.dynamicTest(e.name() + " / development key in production mode", () -> {
                Response r = e.callOn(target, given().auth().oauth2(ProductionLandfall.forged("admin")));
                assertEquals(401, r.statusCode(), e.name() + ": " + r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"), e.name() + ": " + r.contentType());
            }));
            tests.add(DynamicTest.dynamicTest(e.name() + " / no token in production mode",
                    () -> assertEquals(401, e.callOn(target, given()).statusCode(), e.name())));
        }
        return tests.stream();
    }

    @Test
    void shouldOpenTheApiToTheProvidersTokensInProductionMode() throws Exception {
        ProductionLandfall production = ProductionLandfall.get();
        given().auth().oauth2(production.token("li-e2e", "intake-officer")).get(production.intake.url("/api/sectors"))
                .then().statusCode(200);
        given().auth().oauth2(production.token("wang-e2e", "analyst"))
                .get(production.reporting.url("/api/reports/quarterly?from=2023-Q1&to=2023-Q2")).then().statusCode(200);
        given().auth().oauth2(production.token("wang-e2e", "analyst")).contentType(ContentType.JSON).body(newProject())
                .post(production.intake.url("/api/projects")).then().statusCode(403);
    }

    @Test
    void shouldNeverMintDevelopmentTokensInProductionMode() throws Exception {
        for (ServiceProcess s : ProductionLandfall.get().all()) {
            given().contentType(ContentType.JSON).body("{\"role\": \"admin\"}").post(s.url("/dev/tokens"))
                    .then().statusCode(404);
        }
    }

    @Test
    void shouldRefuseToStartWithTheDevelopmentKeyWhereANetworkReachesTheService() throws Exception {
        // the local profile (which names the development key) on every interface, as ./landfall up did
        assertRefusedToStart(Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"), "development");
        // production told to trust the development key that ships in the jar
        Map<String, String> production = ProductionLandfall.environment("dev-jwt/DEVELOPMENT-ONLY-public-key.pem");
        assertRefusedToStart(production, "holds the development key");
        // production given the development signing key: no /dev/tokens, no start
        production = ProductionLandfall.environment("https://idp.e2e.example/certs");
        production.put("LANDFALL_DEV_TOKENS_PRIVATE_KEY_LOCATION", ServiceProcess.DEV_PRIVATE_KEY.toString());
        assertRefusedToStart(production, "landfall.dev-tokens.private-key-location");
    }

    @Test
    void shouldListenOnLoopbackAloneInTheLocalRun() throws Exception {
        InetAddress outside = NetworkInterface.networkInterfaces().filter(SecurityMatrixIT::up)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst().orElse(null);
        Assumptions.assumeTrue(outside != null, "this machine has no address but loopback");
        for (ServiceProcess s : landfall.all()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside, s.port), 5000);
                fail(s.name + " answers on " + outside + ":" + s.port + ", an address the network reaches");
            } catch (IOException refused) {
                // as it should: nothing listens there (refused, or no answer at all)
            }
        }
    }

    private static boolean up(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** Starts project-intake with {@code environment} over the local run's; it must exit, saying {@code why}. */
    private static void assertRefusedToStart(Map<String, String> environment, String why) throws Exception {
        ServiceProcess refused = ServiceProcess.start("project-intake", "e2e_refused", environment);
        try {
            Integer exit = refused.exitCode(Duration.ofSeconds(240));
            String log = Files.readString(refused.log());
            assertTrue(exit != null && exit != 0, "started with " + environment + ":\n" + log);
            assertTrue(log.contains(why), "the refusal does not say '" + why + "':\n" + log);
        } finally {
            refused.close();
        }
    }
}
