-- Events waiting for the relay. A row is written in the same transaction as the change it announces and
-- deleted once Kafka has acknowledged it, so nothing is published for a rolled-back change and nothing is lost.
create table outbox (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        text         not null,
    event_key    text         not null,
    event_type   text         not null,
    occurred_on  date,
    recorded_at  timestamptz  not null,
    payload      bytea        not null,
    created_at   timestamptz  not null default now()
);
