package org.landfall.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LocalInfra} process started by a test JVM: it ends with that JVM, even a killed one, since the launcher
 * exits when its stdin pipe closes. Its stdout says what it started, one {@code WORD key=value ...} line each.
 */
final class Launcher {

    private final Process process;
    private final BufferedReader out;
    private final Path log;

    private Launcher(Process process, Path log) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.log = log;
    }

    /** Starts {@code LocalInfra run --state-dir STATE ARGS... --exit-on-stdin-eof}, logging to STATE/local-infra.log. */
    static Launcher start(Path state, Map<String, String> environment, String... args) {
        try {
            Files.createDirectories(state);
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath(), LocalInfra.class.getName(), "run", "--state-dir", state.toString()));
            command.addAll(Arrays.asList(args));
            command.add("--exit-on-stdin-eof");
            Path log = state.resolve("local-infra.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Launcher launcher = new Launcher(builder.start(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "local-infra-stop"));
            return launcher;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local infrastructure", e);
        }
    }

    /**
     * The values of the next line that starts with {@code word}, skipping others.
     *
     * @throws IllegalStateException the launcher ended first, or said {@code failure} (the line's rest is the reason)
     */
    Map<String, String> await(String word, String failure) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(failure + " ")) {
                    throw new IllegalStateException(line.substring(failure.length() + 1) + "; see " + log);
                }
                if (line.startsWith(word + " ")) {
                    Map<String, String> values = new HashMap<>();
                    Arrays.stream(line.substring(word.length() + 1).split(" "))
                            .map(p -> p.split("=", 2)).forEach(p -> values.put(p[0], p.length > 1 ? p[1] : ""));
                    return values;
                }
            }
            throw new IllegalStateException("local infrastructure exited before " + word + "; see " + log + ":\n"
                    + Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the local infrastructure's output", e);
        }
    }

    private void stop() {
        if (process.isAlive()) {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(45, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    /** target/classes (or the jar) of this module plus the broker's libraries in target/lib. */
    private static String classpath() {
        Path self = moduleOutput();
        Path lib = self.getParent().resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("missing " + lib + ": build local-infra first (./mvnw -pl local-infra package)");
        }
        return self + java.io.File.pathSeparator + lib + "/*";
    }

    /**
     * local-infra's target/classes, or its jar in target. A copy of the jar on another module's classpath (the
     * end-to-end tests read it from demo-data's target/lib) stands for the repository's own build: local-infra's jar
     * under {@code landfall.root} (the working directory's parent by default, as the end-to-end tests run).
     */
    static Path moduleOutput() {
        Path self;
        try {
            self = Paths.get(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(self.getParent().resolve("lib")) || !self.getParent().getFileName().toString().equals("lib")) {
            return self;
        }
        return Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize()
                .resolve("local-infra/target/local-infra.jar");
    }
}
