package org.landfall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Intake's throughput with one and with two instances of each service ({@code ./landfall up --replicas 2}): the
 * clients of the closed loop spread over the intake instances, status and reporting consuming on the instances of
 * their consumer groups. On the benchmark's two cores a second instance adds processes, not cores: the figure shows
 * that the instances share the work, not how a cluster of machines scales (docs/scaling.md).
 */
final class Replicas {

    static final int CONCURRENCY = 32;

    private Replicas() {
    }

    /** The intake instances of {@code ./landfall up --replicas N}: 8081, 8091, 8101, ... */
    static List<String> intakes(int instances) {
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            bases.add("http://127.0.0.1:" + (8081 + 10 * i));
        }
        return bases;
    }

    static IntakeLoad.Result run(Http http, int instances, long seconds) throws Exception {
        return IntakeLoad.run(http, CONCURRENCY, seconds, intakes(instances));
    }

    /** The section of docs/benchmarks.md: one row per number of instances measured. */
    static String markdown(Properties p) {
        StringBuilder s = new StringBuilder("\n## Instances: intake at concurrency " + CONCURRENCY + " with one and two instances of each service\n\n")
                .append("The same closed loop as above, its clients spread over the intake instances (8081, 8091), with ")
                .append("status and reporting consuming on theirs (`./landfall up --replicas 2`); catch-up is how long after ")
                .append("the step intake's and status's outboxes took to empty and reporting's consumer group to commit ")
                .append("the end of its topics. On these two cores a second instance adds processes, not cores.\n\n")
                .append("| instances | contracts/s | p50 ms | p99 ms | failed | catch-up s |\n|---|---|---|---|---|---|\n");
        for (int n = 1; n <= 2; n++) {
            String k = "replicas." + n;
            s.append("| ").append(n).append(" | ").append(String.join(" | ", p.getProperty(k + ".per-second", "-"),
                    p.getProperty(k + ".p50.ms", "-"), p.getProperty(k + ".p99.ms", "-"), p.getProperty(k + ".failed", "-"),
                    p.getProperty(k + ".catch-up.seconds", "-"))).append(" |\n");
        }
        return s.toString();
    }
}
