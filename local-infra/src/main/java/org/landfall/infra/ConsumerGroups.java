package org.landfall.infra;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until consumer groups own every partition of their topics. A service is ready once its HTTP side is; its
 * consumers join their group a little later, and an event published before that waits for the join. The local run
 * ({@code ./landfall up}) waits for this before it says ready, so the first contract entered is seen at once.
 */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Each spec is {@code group=topic[,topic...]}; true once every group is stable and owns all their partitions. */
    static boolean await(String bootstrap, Duration timeout, List<String> specs) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            while (System.nanoTime() < deadline) {
                if (specs.stream().allMatch(spec -> owned(admin, spec))) {
                    return true;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        return false;
    }

    private static boolean owned(Admin admin, String spec) {
        String group = spec.substring(0, spec.indexOf('='));
        List<String> topics = List.of(spec.substring(spec.indexOf('=') + 1).split(","));
        try {
            Set<TopicPartition> wanted = new HashSet<>();
            for (TopicDescription t : admin.describeTopics(topics).allTopicNames().get().values()) {
                t.partitions().forEach(p -> wanted.add(new TopicPartition(t.name(), p.partition())));
            }
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            if (d.groupState() != GroupState.STABLE) {
                return false;
            }
            Set<TopicPartition> assigned = new HashSet<>();
            for (MemberDescription m : d.members()) {
                assigned.addAll(m.assignment().topicPartitions());
            }
            return assigned.containsAll(wanted);
        } catch (Exception notYet) { // topics not created yet, the group unknown yet: ask again
            return false;
        }
    }
}
