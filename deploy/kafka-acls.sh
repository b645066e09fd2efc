#!/bin/bash
# The topics and the ACLs of docker-compose.yml's Kafka, run once as its admin principal (docs/security.md#kafka):
# each service's principal writes only the topics it owns and the dead letters, reads only what it consumes, in its
# own consumer group. Repeating it changes nothing.
set -euo pipefail
bin=/opt/kafka/bin
config=/tmp/admin.properties
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="%s";\n' \
    "$KAFKA_ADMIN_PASSWORD" > "$config"
server=(--bootstrap-server kafka:9092 --command-config "$config")

# The topics as the services' TopicInitializer creates them (docs/events.md), so that no service needs CREATE.
for topic in landfall.projects landfall.project-updates landfall.plans; do
    "$bin/kafka-topics.sh" "${server[@]}" --create --if-not-exists --topic "$topic" --partitions 6 \
        --config retention.ms=-1
done
"$bin/kafka-topics.sh" "${server[@]}" --create --if-not-exists --topic landfall.dead-letter --partitions 1 \
    --config retention.ms=-1

acl() { "$bin/kafka-acls.sh" "${server[@]}" --add --allow-principal "User:$1" "${@:2}"; }

# principal  service name (its consumer group)  topics it writes  topics it reads
grant() {
    local user=$1 group=$2 writes=$3 reads=$4 topic
    acl "$user" --operation Describe --operation DescribeConfigs --topic landfall. --resource-pattern-type prefixed
    for topic in $writes landfall.dead-letter; do
        acl "$user" --operation Write --topic "$topic"
    done
    for topic in $reads; do
        acl "$user" --operation Read --topic "$topic"
    done
    acl "$user" --operation Read --operation Describe --operation Delete --group "$group"
}

grant intake project-intake "landfall.projects landfall.plans" "landfall.project-updates"
grant status project-status "landfall.project-updates" "landfall.projects"
grant reporting reporting "" "landfall.projects landfall.project-updates landfall.plans"
