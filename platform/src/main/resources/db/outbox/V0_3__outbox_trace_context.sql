-- The W3C trace context of the request that wrote the event, carried into the Kafka record's headers so one
-- trace follows a contract from intake through status to reporting. Null when tracing is off.
alter table outbox add column traceparent text;
