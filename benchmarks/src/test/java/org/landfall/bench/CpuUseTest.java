package org.landfall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuUseTest {

    @Test
    void shouldKeepTheCpuOfAConnectionThatEndedBetweenTwoSamples(@TempDir Path dir) throws Exception {
        // This JVM stands in for the postmaster and a short-lived java process for a backend that ends.
        Path pidFile = Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n/data\n");
        long before = CpuUse.postgresMillis(pidFile);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        long childMillis = CpuUse.postgresMillis(pidFile) - before;
        // a JVM's start without its class-data archive takes far more than 50 ms of CPU; the parent's own CPU
        // meanwhile is little (it waits), so most of the difference is the reaped child's
        assertTrue(childMillis >= 50, "the ended child's CPU was not counted: " + childMillis + " ms");
    }

    @Test
    void shouldCountNothingForAServerElsewhere(@TempDir Path dir) throws Exception {
        assertEquals(0, CpuUse.postgresMillis(dir.resolve("postmaster.pid")));
    }
}
