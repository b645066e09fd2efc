-- The ids of the events a consumer has applied, written in the same transaction as their effect:
-- a redelivered or replayed event finds its id here and changes nothing.
create table processed_event (
    event_id     uuid         primary key,
    event_type   text         not null,
    processed_at timestamptz  not null default now()
);
