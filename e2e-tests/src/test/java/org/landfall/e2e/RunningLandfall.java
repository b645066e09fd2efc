package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.landfall.infra.DevTokens;
import org.landfall.infra.KeycloakLogin;
import org.landfall.infra.SharedInfra;
import org.landfall.infra.TestKeycloak;

/** The three packaged services, started once for all end-to-end test classes and stopped when the JVM ends. */
final class RunningLandfall {

    /** The demo's first update of its graphite anode project, as {@code SeedProjects} defines it. */
    static final String GRAPHITE_ANODE_FIRST_START = """
            {"stage": "STARTED", "effectiveOn": "2023-03-20", "note": "Construction started (date illustrative)"}""";

    private static RunningLandfall instance;

    /** Keycloak, where people sign in at the pages. */
    final TestKeycloak.Endpoints sso;
    final ServiceProcess intake;
    final ServiceProcess status;
    /** Replaced when a test rebuilds the read model; same port, same consumer group. */
    volatile ServiceProcess reporting;
    /** Receives the spans of all three services: the e2e run traces every request and event. */
    final SpanCollector spans;
    private List<DemoLoad> demoLoads;

    private RunningLandfall() throws Exception {
        emptyTheLog();
        spans = SpanCollector.start();
        ServiceProcess.traceTo(spans.endpoint());
        // Keycloak first: the services trust its tokens beside the development ones and tell their pages its issuer,
        // as ./landfall up runs them (one start a run, ~25 s; docs/security.md)
        sso = TestKeycloak.get();
        Map<String, String> signIn = Map.of("LANDFALL_SIGN_IN_ISSUER", sso.issuer(), "LANDFALL_JWT_ISSUER", sso.issuer(),
                "LANDFALL_JWT_PUBLIC_KEY_LOCATION", sso.issuer() + "/protocol/openid-connect/certs");
        intake = ServiceProcess.start("project-intake", "e2e_intake", signIn);
        status = ServiceProcess.start("project-status", "e2e_status", signIn);
        reporting = ServiceProcess.start("reporting", "e2e_reporting", signIn);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-services-stop"));
        for (ServiceProcess s : all()) {
            s.awaitReady(ServiceProcess.START_BOUND);
        }
        letThePagesSignIn();
    }

    /**
     * Adds the pages of this run (on free ports) to the redirect addresses of the realm's client {@code landfall-pages},
     * which names only the local run's ports: through Keycloak's admin API, as the console's administrator. Its web
     * origins ("+") and post-logout addresses ("+") follow the redirect addresses.
     */
    private void letThePagesSignIn() {
        String admin = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "keycloak-admin", "password", sso.consoleAdminPassword()))
                .post(sso.url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String clients = sso.url() + "/admin/realms/landfall/clients";
        JsonPath client = given().auth().oauth2(admin).queryParam("clientId", KeycloakLogin.PAGES_CLIENT).get(clients)
                .then().statusCode(200).extract().jsonPath();
        Set<String> redirects = new LinkedHashSet<>(client.getList("[0].redirectUris", String.class));
        all().forEach(s -> redirects.add(s.url("/*")));
        String body = "{\"clientId\": \"" + KeycloakLogin.PAGES_CLIENT + "\", \"redirectUris\": ["
                + redirects.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", ")) + "]}";
        given().auth().oauth2(admin).contentType("application/json").body(body)
                .put(clients + "/" + client.getString("[0].id")).then().statusCode(204);
    }

    /**
     * Deletes the topics that the modules' tests filled before this module ran (the reactor runs one module at a
     * time, so none of them is running): the services start on an empty log, as a new installation does, and the
     * demo's places hold the demo's projects alone, whatever places those tests used.
     */
    private static void emptyTheLog() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.get().kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Set<String> ours = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith("landfall.")).collect(Collectors.toSet());
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
                // deletion completes in the background: a service that created a topic before it ended would lose it
                await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS)
                        .stream().noneMatch(ours::contains));
            }
        }
    }

    static synchronized RunningLandfall get() throws Exception {
        if (instance == null) {
            instance = new RunningLandfall();
        }
        return instance;
    }

    /**
     * The seed articles' projects, loaded through the public API as a user's {@code ./landfall up} does after a
     * failed first try (issue 17) and returned as those loads: first with project-status hanging up on every
     * request, which signs every contract and posts no update; then, after an inspector posted one of the demo's
     * updates by hand, a load that must complete the demo. Done once per run, for whichever test asks first (the
     * databases are new, so the first load finds none of the demo); later calls return the same two loads.
     */
    synchronized List<DemoLoad> demoData() throws Exception {
        if (demoLoads == null) {
            DemoLoad failed;
            try (HangingUp statusAway = HangingUp.start()) {
                failed = loadDemo("--status", statusAway.url(), "--attempts", "1");
            }
            postByHand(GRAPHITE_ANODE_FIRST_START);
            DemoLoad repair = loadDemo();
            if (repair.exitCode() != 0) {
                throw new AssertionError("the demo loader did not complete a demo that a failed load left half done:\n"
                        + failed.output() + "\n" + repair.output());
            }
            demoLoads = List.of(failed, repair);
        }
        return demoLoads;
    }

    /** One run of {@code demo-data.jar load} against these services; {@code options} come last and win. */
    DemoLoad loadDemo(String... options) throws Exception {
        Path root = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();
        Path log = root.resolve("e2e-tests/target/demo-load-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("demo-data/target/demo-data.jar").toString(), "load",
                "--intake", intake.url(""), "--status", status.url("")));
        command.addAll(List.of(options));
        Process load = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!load.waitFor(180, TimeUnit.SECONDS)) {
            load.destroyForcibly().waitFor();
            throw new AssertionError("the demo loader did not end within 180 s:\n" + Files.readString(log));
        }
        return new DemoLoad(load.exitValue(), Files.readString(log));
    }

    /** What one run of the demo loader printed, and its exit code. */
    record DemoLoad(int exitCode, String output) {

        boolean printed(String line) {
            return output.lines().anyMatch(line::equals);
        }
    }

    /** Posts {@code update} to the demo's graphite anode project once status has learnt it. */
    private void postByHand(String update) {
        String inspector = DevTokens.token("inspector-e2e-demo", "site-inspector");
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(inspector)
                .queryParam("province", "Heilongjiang").queryParam("city", "Shuangyashan")
                .queryParam("q", "natural graphite anode").get(status.url("/api/projects"))
                .then().statusCode(200).extract().<String>path("items[0].projectId"), Objects::nonNull);
        given().auth().oauth2(inspector).contentType("application/json").body(update)
                .post(status.url("/api/projects/" + id + "/updates")).then().statusCode(201);
    }

    /** A server that takes every connection and closes it at once, as a service going away mid-load does. */
    private static final class HangingUp implements AutoCloseable {

        private final ServerSocket socket;

        private HangingUp(ServerSocket socket) {
            this.socket = socket;
        }

        static HangingUp start() throws IOException {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        socket.accept().close();
                    } catch (IOException closed) {
                        // the socket was closed: the end
                    }
                }
            }, "e2e-hanging-up");
            accepting.setDaemon(true);
            accepting.start();
            return new HangingUp(socket);
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    List<ServiceProcess> all() {
        return List.of(intake, status, reporting);
    }

    private void stop() {
        spans.close();
        for (ServiceProcess s : all()) {
            try {
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
