package org.landfall.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The three packaged services, started once for all end-to-end test classes and stopped when the JVM ends. */
final class RunningLandfall {

    private static RunningLandfall instance;

    final ServiceProcess intake;
    final ServiceProcess status;
    /** Replaced when a test rebuilds the read model; same port, same consumer group. */
    volatile ServiceProcess reporting;
    /** Receives the spans of all three services: the e2e run traces every request and event. */
    final SpanCollector spans;

    private RunningLandfall() throws Exception {
        spans = SpanCollector.start();
        ServiceProcess.traceTo(spans.endpoint());
        intake = ServiceProcess.start("project-intake", "e2e_intake");
        status = ServiceProcess.start("project-status", "e2e_status");
        reporting = ServiceProcess.start("reporting", "e2e_reporting");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-services-stop"));
        for (ServiceProcess s : all()) {
            s.awaitReady(Duration.ofSeconds(90));
        }
    }

    static synchronized RunningLandfall get() throws Exception {
        if (instance == null) {
            instance = new RunningLandfall();
        }
        return instance;
    }

    /** Loads the seed articles' projects through the public API, as {@code ./landfall up} does (again: adds nothing). */
    void loadDemoData() throws Exception {
        Path root = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();
        Path log = root.resolve("e2e-tests/target/demo-load.log");
        Process load = new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("demo-data/target/demo-data.jar").toString(), "load",
                "--intake", intake.url(""), "--status", status.url("")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!load.waitFor(180, TimeUnit.SECONDS) || load.exitValue() != 0) {
            throw new AssertionError("loading the demo data failed:\n" + Files.readString(log));
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
