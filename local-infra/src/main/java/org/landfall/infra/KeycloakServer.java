package org.landfall.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak for the local run and the tests, from Maven Central's {@code keycloak-quarkus-dist} zip (which the build
 * resolved into the local repository): unpacked and built ({@code kc.sh build}) once into a distribution directory,
 * then started optimized on 127.0.0.1 with its database in our PostgreSQL, importing the repository's realm.
 *
 * <p>Each placeholder of the realm's passwords gets a password generated once per state directory
 * ({@code passwords.properties}); the users with their passwords go to {@code users.tsv} ({@link DemoUser}). Keycloak
 * imports a realm only when it does not exist yet, so when the realm file (or a password) changed since the last
 * import, the database starts over and the realm is imported afresh: the file in the repository is the truth.
 *
 * <p>{@code kc.sh} runs Keycloak's JVM as its child and forwards SIGTERM to it; it gets SIGTERM itself if the launcher
 * dies ({@code setpriv --pdeathsig}), so a killed launcher leaves no Keycloak behind.
 */
final class KeycloakServer implements AutoCloseable {

    static final String DATABASE = "keycloak";
    /** The administrator of Keycloak's master realm (the admin console), not a person of the Landfall realm. */
    static final String CONSOLE_ADMIN = "keycloak-admin";
    /** Build-time options, baked into the distribution by {@code kc.sh build}. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres");

    private final Path state;
    private final Path dist;
    private final Path realmFile;
    private final int port;
    private final String jdbcBaseUrl;
    private final String dbUser;
    private final String dbPassword;
    private Process process;

    /**
     * @param state       Keycloak's state: passwords, users, logs, the fingerprint of the last import
     * @param dist        where the built distribution is kept (reused while the version and build options match)
     * @param jdbcBaseUrl the PostgreSQL server, {@code jdbc:postgresql://host:port/}
     */
    KeycloakServer(Path state, Path dist, Path realmFile, int port, String jdbcBaseUrl, String dbUser, String dbPassword) {
        this.state = state.toAbsolutePath();
        this.dist = dist.toAbsolutePath();
        this.realmFile = realmFile.toAbsolutePath();
        this.port = port;
        this.jdbcBaseUrl = jdbcBaseUrl.endsWith("/") ? jdbcBaseUrl : jdbcBaseUrl + "/";
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path usersFile() {
        return state.resolve("users.tsv");
    }

    Path passwordsFile() {
        return state.resolve("passwords.properties");
    }

    /** Builds the distribution if needed, starts Keycloak and waits until it serves the realm; returns its issuer. */
    String start(Duration timeout) throws Exception {
        Files.createDirectories(state);
        RealmFile realm = RealmFile.read(realmFile);
        prepareDistribution();
        Properties passwords = passwords(realm);
        Map<String, String> environment = new HashMap<>();
        realm.placeholders().forEach(name -> environment.put(name, passwords.getProperty(name)));
        writeUsers(realm.users(environment::get));

        String fingerprint = realm.fingerprint(environment);
        Path imported = state.resolve("imported-realm.sha256");
        if (!Files.exists(imported) || !Files.readString(imported).equals(fingerprint) || !databaseExists()) {
            LocalInfra.recreateDatabase(jdbcBaseUrl, dbUser, dbPassword, DATABASE);
        }
        Path importDir = dist.resolve("data/import");
        LocalInfra.deleteTree(importDir);
        Files.createDirectories(importDir);
        Files.copy(realmFile, importDir.resolve(realm.realm() + "-realm.json"));

        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", CONSOLE_ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", passwords.getProperty(CONSOLE_ADMIN));
        if (!dbPassword.isEmpty()) {
            environment.put("KC_DB_PASSWORD", dbPassword);
        }
        List<String> command = new ArrayList<>(List.of("setpriv", "--pdeathsig", "TERM", "--",
                dist.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                // one issuer, whichever name of the host a browser or a service uses
                "--hostname=" + url(),
                // one node: no cluster, nothing listening beyond the HTTP port
                "--cache=local",
                "--db-url=" + jdbcBaseUrl + DATABASE, "--db-username=" + dbUser, "--db-pool-max-size=10",
                "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("keycloak.log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // C1 only, as the services: a start took 19 s of CPU instead of 36 (and half the time) on two busy cores; kc.sh
        // keeps its heap of -Xms64m -Xmx512m
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        process = builder.start();

        String issuer = url() + "/realms/" + realm.realm();
        awaitDiscovery(issuer, timeout);
        Files.writeString(imported, fingerprint);
        return issuer;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        process.destroy(); // kc.sh passes SIGTERM on to Keycloak, which stops gracefully
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle p : all) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            p.destroyForcibly();
        }
    }

    /** Unpacks and builds the distribution unless the one there is of this version and these build options. */
    private void prepareDistribution() throws IOException, InterruptedException {
        Properties release = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak-dist.properties")) {
            release.load(in);
        }
        String wanted = "keycloak " + release.getProperty("version") + " " + String.join(" ", BUILD_OPTIONS);
        Path marker = dist.resolve(".landfall-build");
        if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
            return;
        }
        Path zip = Paths.get(release.getProperty("zip"));
        if (!Files.exists(zip)) {
            throw new IllegalStateException("Keycloak's distribution " + zip + " is missing: build local-infra again "
                    + "(./mvnw package -pl local-infra), which fetches it from Maven Central");
        }
        Path partial = dist.resolveSibling(dist.getFileName() + ".partial");
        LocalInfra.deleteTree(partial);
        unzipWithoutTopDirectory(zip, partial);
        List<String> build = new ArrayList<>(List.of(partial.resolve("bin/kc.sh").toString(), "build"));
        build.addAll(BUILD_OPTIONS);
        Path log = state.resolve("keycloak-build.log");
        ProcessBuilder builder = new ProcessBuilder(build).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        Process p = builder.start();
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed; see " + log);
        }
        Files.writeString(partial.resolve(".landfall-build"), wanted);
        LocalInfra.deleteTree(dist);
        Files.createDirectories(dist.getParent());
        Files.move(partial, dist, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void unzipWithoutTopDirectory(Path zip, Path target) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(z.entries())) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path to = target.resolve(name.substring(slash + 1)).normalize();
                if (!to.startsWith(target)) {
                    throw new IOException("entry outside the distribution: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = z.getInputStream(entry)) {
                    Files.copy(in, to);
                }
                // the zip's Unix modes are not read by java.util.zip: the scripts are what must run
                if (name.endsWith(".sh")) {
                    to.toFile().setExecutable(true);
                }
            }
        }
    }

    /** The passwords of this state directory: one per placeholder of the realm, and the console's; made once. */
    private Properties passwords(RealmFile realm) throws IOException {
        Properties passwords = new Properties();
        Path file = passwordsFile();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                passwords.load(r);
            }
        }
        List<String> needed = new ArrayList<>(realm.placeholders());
        needed.add(CONSOLE_ADMIN);
        boolean changed = false;
        for (String name : needed) {
            if (passwords.getProperty(name) == null) {
                passwords.setProperty(name, newPassword());
                changed = true;
            }
        }
        if (changed) {
            writePrivate(file, w -> passwords.store(w, "generated passwords of the local Keycloak (./landfall users)"));
        }
        return passwords;
    }

    private void writeUsers(List<DemoUser> users) throws IOException {
        writePrivate(usersFile(), w -> {
            for (DemoUser u : users) {
                w.write(u.line());
                w.write('\n');
            }
        });
    }

    private interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Passwords are for this machine's user alone. */
    private static void writePrivate(Path file, Content content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            content.writeTo(w);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Twelve characters in groups of four, from letters and digits that cannot be mistaken for one another. */
    static String newPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                p.append('-');
            }
            p.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return p.toString();
    }

    private boolean databaseExists() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcBaseUrl + "postgres", dbUser, dbPassword);
             PreparedStatement s = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            s.setString(1, DATABASE);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The realm's discovery document answers once Keycloak has started and imported it. */
    private void awaitDiscovery(String issuer, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + "; see "
                        + state.resolve("keycloak.log"));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Keycloak did not serve " + issuer + " within " + timeout + "; see "
                + state.resolve("keycloak.log"));
    }
}
