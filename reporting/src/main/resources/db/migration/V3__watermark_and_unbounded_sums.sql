-- How far reporting has read each partition of the two topics, and the latest upstream recorded moment among the
-- records it applied there. The watermark is derived from these (see Watermark in the service package).
create table consumed_partition (
    topic            text        not null,
    partition        int         not null,
    next_offset      bigint      not null,
    max_recorded_at  timestamptz,
    primary key (topic, partition)
);

-- The moment up to which reporting has applied every fact: latest_figure holds the figures as of it, and the
-- latest report is stamped with it. One row, locked by the transactions that read or move it.
create table report_watermark (
    id  boolean     primary key default true check (id),
    at  timestamptz not null
);
insert into report_watermark (at) values ('1970-01-01T00:00:00Z');

-- Moving the watermark reads the versions that began or ended between its old and new place.
create index contribution_from on contribution (valid_from);
create index contribution_to on contribution (valid_to) where valid_to is not null;
create index stage_span_from on stage_span (valid_from);
create index stage_span_to on stage_span (valid_to) where valid_to is not null;

-- Sums of any number of projects: unbounded. numeric(18,2) overflowed at a province's quarter of 1,000 contracts
-- at the largest contract value, and the overflow dead-lettered a valid project.signed.
truncate latest_figure;
alter table latest_figure
    alter column signed_value type numeric,
    alter column started_value type numeric,
    alter column operational_value type numeric,
    alter column suspended_value type numeric,
    alter column cancelled_value type numeric,
    alter column investment_delta type numeric;

-- latest_figure now holds the figures as of the watermark, with updatedAt defined from the facts alone: replay
-- both topics from their beginning (ReplayFromStart) to build it that way.
truncate project_fact, update_fact, contribution, stage_span, processed_event;
