package org.landfall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the two cores go: CPU time of each process of the stack (from /proc/PID/stat), so a step's figures
 * can say how many milliseconds of CPU one accepted write costs in each service, the broker and PostgreSQL.
 */
final class CpuUse {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private CpuUse() {
    }

    /** CPU milliseconds so far of the services (by name), the infrastructure launcher, and all PostgreSQL processes. */
    static Map<String, Long> sample(Path state, String... services) throws IOException {
        Map<String, Long> ms = new LinkedHashMap<>();
        for (String s : services) {
            ms.put(s, cpuMillis(Files.readString(state.resolve("run/" + s + ".pid")).strip()));
        }
        // The launcher runs the broker in-process; PostgreSQL runs as its own processes.
        ms.put("kafka", cpuMillis(Files.readString(state.resolve("run/infra.pid")).strip()));
        long postgres = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (command(p).startsWith("postgres")) {
                    postgres += cpuMillis(p.getFileName().toString());
                }
            }
        }
        ms.put("postgres", postgres);
        return ms;
    }

    /** CPU milliseconds per write between two samples, by process. */
    static Map<String, Double> perWrite(Map<String, Long> before, Map<String, Long> after, long writes) {
        Map<String, Double> out = new LinkedHashMap<>();
        before.forEach((k, v) -> out.put(k, writes == 0 ? Double.NaN : (after.get(k) - v) / (double) writes));
        return out;
    }

    /** CPU milliseconds used over {@code seconds} of wall time as a percentage of one core. */
    static double percentOfOneCore(long cpuMillis, double seconds) {
        return cpuMillis / (seconds * 10);
    }

    private static String command(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // gone meanwhile
        }
    }

    static long cpuMillis(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // fields after the command name in parentheses; utime and stime are fields 14 and 15
            List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return (Long.parseLong(f.get(11)) + Long.parseLong(f.get(12))) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
