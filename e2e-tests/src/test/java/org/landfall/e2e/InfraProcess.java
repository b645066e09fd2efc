package org.landfall.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker or the PostgreSQL server alone, as its own local-infra process on fixed ports and a state
 * directory that outlives it, so that a fault campaign can stop, kill and start each one independently.
 */
final class InfraProcess implements AutoCloseable {

    private static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();

    private final String what;
    private final List<String> options;
    private final Path log;
    private Process process;

    private InfraProcess(String what, List<String> options, Path log) {
        this.what = what;
        this.options = options;
        this.log = log;
    }

    static InfraProcess kafka(Path stateDir, int port, int controllerPort) {
        return new InfraProcess("kafka", List.of("--state-dir", stateDir.toString(), "--no-postgres",
                "--kafka-port", String.valueOf(port), "--kafka-controller-port", String.valueOf(controllerPort)),
                stateDir.resolve("launcher.log"));
    }

    static InfraProcess postgres(Path stateDir, int port, List<String> databases) {
        return new InfraProcess("postgres", List.of("--state-dir", stateDir.toString(), "--no-kafka", "--fast",
                "--pg-port", String.valueOf(port), "--databases", String.join(",", databases)),
                stateDir.resolve("launcher.log"));
    }

    /** Starts it and returns once it is ready (the launcher prints its READY line). */
    void start() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", ROOT.resolve("local-infra/target/local-infra.jar") + java.io.File.pathSeparator
                        + ROOT.resolve("local-infra/target/lib") + "/*",
                "org.landfall.infra.LocalInfra", "run"));
        command.addAll(options);
        command.add("--exit-on-stdin-eof");
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY")) {
                return;
            }
        }
        throw new IllegalStateException(what + " did not start; see " + log + ":\n" + Files.readString(log));
    }

    /** A clean stop: the broker shuts down, PostgreSQL does a fast shutdown (open transactions roll back). */
    void stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** {@code kill -9} of the launcher: the broker in it dies unclean; PostgreSQL gets SIGKILL (pdeathsig). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
