package org.landfall.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.landfall.events.Topics;

/** Landfall's two event topics as the broker sees them: how many events they hold, how far a group has read. */
final class KafkaLog implements AutoCloseable {

    static final List<String> TOPICS = List.of(Topics.PROJECTS, Topics.PROJECT_UPDATES);

    private final Admin admin;

    KafkaLog(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        admin = Admin.create(p);
    }

    /** The end offset of every partition of both topics: the number of events each holds (nothing expires). */
    Map<TopicPartition, Long> ends() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, d) ->
                d.partitions().forEach(i -> latest.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, o) -> ends.put(tp, o.offset()));
        return ends;
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The events of {@code ends} that {@code group} has committed, i.e. applied. */
    long committed(String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long sum = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            sum += c == null ? 0 : Math.min(c.offset(), end.getValue());
        }
        return sum;
    }

    /** Events in the log that {@code group} has not committed yet. */
    long lag(String group) throws Exception {
        Map<TopicPartition, Long> ends = ends();
        return sum(ends) - committed(group, ends);
    }

    /** Events in {@code topic} that {@code group} has not committed yet. */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>(ends());
        ends.keySet().removeIf(tp -> !tp.topic().equals(topic));
        return sum(ends) - committed(group, ends);
    }

    /**
     * Moves {@code group}, whose consumers are stopped, to the end of both topics: it will consume nothing already
     * there. A consumer killed before it could leave still counts as a member until its session times out (45 s):
     * the group's members are removed first.
     */
    void skipToEnd(String group) throws Exception {
        try {
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException noMembers) {
            // nothing to remove: every consumer left
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        ends().forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end)));
        admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close();
    }
}
