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

    /** CPU milliseconds so far of the services (by name), the infrastructure launcher, and the stack's PostgreSQL. */
    static Map<String, Long> sample(Path state, String... services) throws IOException {
        Map<String, Long> ms = new LinkedHashMap<>();
        for (String s : services) {
            ms.put(s, cpuMillis(Files.readString(state.resolve("run/" + s + ".pid")).strip()));
        }
        // The launcher runs the broker in-process; PostgreSQL runs as its own processes.
        ms.put("kafka", cpuMillis(Files.readString(state.resolve("run/infra.pid")).strip()));
        ms.put("postgres", postgresMillis(state.resolve("infra/postgres/data/postmaster.pid")));
        return ms;
    }

    /**
     * The stack's own PostgreSQL cluster: its postmaster, the backends it has reaped (their CPU is in its cutime and
     * cstime), and those still alive. Counting every live {@code postgres} process instead missed each connection
     * that ended between two samples, and counted other clusters on the machine.
     */
    static long postgresMillis(Path postmasterPid) throws IOException {
        if (!Files.exists(postmasterPid)) {
            return 0; // an external server: not on this machine's books
        }
        String postmaster = Files.readAllLines(postmasterPid).get(0).strip();
        long ms = cpuMillis(postmaster) + reapedChildrenMillis(postmaster);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (postmaster.equals(field(p.getFileName().toString(), 1))) {
                    ms += cpuMillis(p.getFileName().toString());
                }
            }
        }
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

    static long cpuMillis(String pid) {
        return ticks(pid, 11, 12);
    }

    private static long reapedChildrenMillis(String pid) {
        return ticks(pid, 13, 14);
    }

    private static long ticks(String pid, int a, int b) {
        try {
            return (Long.parseLong(field(pid, a)) + Long.parseLong(field(pid, b))) * 1000 / TICKS_PER_SECOND;
        } catch (RuntimeException e) {
            return 0; // gone meanwhile
        }
    }

    /** Field i of /proc/PID/stat after the command name (0 = state, 1 = ppid, 11/12 = utime/stime, 13/14 = children's). */
    private static String field(String pid, int i) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" ")).get(i);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
