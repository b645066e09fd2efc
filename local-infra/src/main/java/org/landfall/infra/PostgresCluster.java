package org.landfall.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster made with the server binaries installed on the machine. PostgreSQL refuses to
 * run as root, so when we are root the cluster belongs to an unprivileged user ({@code postgres} or
 * {@code nobody}). The postmaster is our child process and gets SIGKILL if we die ({@code setpriv --pdeathsig}),
 * so a killed launcher never leaves a server behind.
 */
final class PostgresCluster implements AutoCloseable {

    static final String SUPERUSER = "landfall";

    private final Path dataDir;
    private final int port;
    private final boolean fast;
    private final Path bin;
    /** setpriv and, when we are root, the switch to the unprivileged user; options may follow. */
    private final List<String> runAs;
    private Process postmaster;

    PostgresCluster(Path dataDir, int port, boolean fast) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.fast = fast;
        this.bin = findServerBinaries();
        this.runAs = unprivilegedPrefix();
    }

    String jdbcBaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    int port() {
        return port;
    }

    void start(Duration timeout) throws IOException, InterruptedException {
        stopStaleServer();
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            Files.createDirectories(dataDir);
            handOver(dataDir);
            run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                    "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"), Duration.ofSeconds(60));
        }
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of("--pdeathsig", "KILL", "--", bin.resolve("postgres").toString(), "-D", dataDir.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=200", "-c", "shared_buffers=128MB"));
        if (fast) {
            // Tests and benchmarks of throwaway data: durability against an OS crash buys nothing here.
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        postmaster = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("postgres.log").toFile()))
                .start();
        awaitConnectable(timeout);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (postmaster == null || !postmaster.isAlive()) {
            return;
        }
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
        new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start().waitFor();
        if (!postmaster.waitFor(20, TimeUnit.SECONDS)) {
            postmaster.destroyForcibly().waitFor();
        }
    }

    private void awaitConnectable(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with code " + postmaster.exitValue()
                        + "; see " + dataDir.resolveSibling("postgres.log"));
            }
            try (Connection ignored = DriverManager.getConnection(jdbcBaseUrl() + "postgres", SUPERUSER, "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("PostgreSQL was not ready within " + timeout, last);
    }

    /** A server left by a launcher that was killed before it could stop it (only possible without pdeathsig). */
    private void stopStaleServer() throws IOException, InterruptedException {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            List<String> stop = new ArrayList<>(runAs);
            stop.addAll(List.of("--", bin.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "immediate"));
            new ProcessBuilder(stop).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private void run(List<String> tool, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(runAs);
        command.add("--");
        command.addAll(tool);
        Path log = dataDir.resolveSibling("initdb.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(tool.get(0) + " failed; see " + log);
        }
    }

    /** When we are root, the data directory must belong to the user the server runs as. */
    private void handOver(Path dir) throws IOException, InterruptedException {
        Optional<String> user = unprivilegedUser();
        if (user.isPresent()) {
            Process p = new ProcessBuilder("chown", "-R", user.get() + ":", dir.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("could not hand " + dir + " over to user " + user.get());
            }
            // The unprivileged user must be able to reach the directory through its parents.
            for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
                Process chmod = new ProcessBuilder("chmod", "o+x", parent.toString()).start();
                chmod.waitFor();
            }
        }
    }

    private List<String> unprivilegedPrefix() {
        Optional<String> user = unprivilegedUser();
        if (user.isEmpty()) {
            return List.of("setpriv");
        }
        String uid = idOf(user.get(), "-u");
        String gid = idOf(user.get(), "-g");
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    private static Optional<String> unprivilegedUser() {
        if (!"0".equals(idOf(null, "-u"))) {
            return Optional.empty();
        }
        return Optional.of(idOf("postgres", "-u") != null ? "postgres" : "nobody");
    }

    private static String idOf(String user, String flag) {
        try {
            List<String> cmd = user == null ? List.of("id", flag) : List.of("id", flag, user);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot run 'id'", e);
        }
    }

    /** The directory holding initdb, pg_ctl and postgres, or a clear error that says what to install. */
    static Path findServerBinaries() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("LANDFALL_PG_BIN")).map(Paths::get).ifPresent(candidates::add);
        pgConfigBindir().ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> Arrays.stream(path.split(":"))
                .map(Paths::get).map(dir -> dir.resolve("initdb"))
                .filter(Files::isExecutable)
                .map(PostgresCluster::realParent)
                .forEach(candidates::add));
        try (Stream<Path> versions = Files.list(Paths.get("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.comparing(PostgresCluster::majorVersion).reversed())
                    .map(v -> v.resolve("bin")).forEach(candidates::add);
        } catch (IOException ignored) {
            // no Debian-style installation
        }
        return candidates.stream()
                .filter(dir -> Stream.of("initdb", "pg_ctl", "postgres").allMatch(t -> Files.isExecutable(dir.resolve(t))))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("""
                        No PostgreSQL server binaries (initdb, pg_ctl, postgres) were found on PATH, \
                        in `pg_config --bindir` or under /usr/lib/postgresql/*/bin.
                        Install them: `apt-get install postgresql` (Debian/Ubuntu), `dnf install postgresql-server` \
                        (Fedora/RHEL), `brew install postgresql@15` (macOS); or set LANDFALL_PG_BIN to their directory; \
                        or use an existing server by setting LANDFALL_DB_URL (see README, Configuration)."""));
    }

    private static Optional<Path> pgConfigBindir() {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? Optional.of(Paths.get(out)) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    private static int majorVersion(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
