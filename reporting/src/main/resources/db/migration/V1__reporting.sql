-- Event-level facts: every revision of every contract, every update, with the moment upstream recorded it.
-- Nothing is ever incremented: figures are derived from these, so order of arrival and replays do not matter.
create table project_fact (
    project_id      uuid          not null,
    revision        int           not null,
    recorded_at     timestamptz   not null,
    signed_on       date          not null,
    contract_value  numeric(16,2) not null,
    planned_jobs    bigint        not null,
    province        text          not null,
    city            text          not null,
    district        text          not null,
    sector          text          not null,
    primary key (project_id, revision)
);

create table update_fact (
    update_id             uuid          primary key,
    project_id            uuid          not null,
    effective_on          date          not null,
    stage                 text,
    investment_completed  numeric(16,2),
    jobs_created          bigint,
    recorded_at           timestamptz   not null
);
create index update_fact_project on update_fact (project_id);

-- A project's contribution to one quarter's flow figures, valid between two upstream recorded moments
-- (valid_to null: still valid). Quarters are year * 4 + (quarter - 1).
create table contribution (
    project_id         uuid          not null,
    quarter            int           not null,
    province           text          not null,
    city               text          not null,
    district           text          not null,
    sector             text          not null,
    signed_count       int           not null,
    signed_value       numeric(16,2) not null,
    planned_jobs       bigint        not null,
    started_count      int           not null,
    started_value      numeric(16,2) not null,
    operational_count  int           not null,
    operational_value  numeric(16,2) not null,
    suspended_count    int           not null,
    suspended_value    numeric(16,2) not null,
    cancelled_count    int           not null,
    cancelled_value    numeric(16,2) not null,
    investment_delta   numeric(17,2) not null,
    jobs_delta         bigint        not null,
    valid_from         timestamptz   not null,
    valid_to           timestamptz
);
create index contribution_project on contribution (project_id);
create index contribution_latest on contribution (quarter) where valid_to is null;
create index contribution_vintage on contribution (quarter, valid_from);

-- A project's stage at the end of the quarters from_quarter .. to_quarter - 1 (to_quarter null: every later
-- quarter), so a project stays in each later quarter's pipeline without a row per quarter.
create table stage_span (
    project_id    uuid        not null,
    stage         text        not null,
    from_quarter  int         not null,
    to_quarter    int,
    province      text        not null,
    city          text        not null,
    district      text        not null,
    sector        text        not null,
    valid_from    timestamptz not null,
    valid_to      timestamptz
);
create index stage_span_project on stage_span (project_id);
create index stage_span_latest on stage_span (from_quarter) where valid_to is null;
