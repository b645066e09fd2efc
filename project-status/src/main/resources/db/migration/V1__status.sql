-- What status knows of each project: the contract fields it needs (from intake's events, at the highest
-- revision seen) and the current stage and figures, derived from the updates below.
create table project (
    id                    uuid          primary key,
    code                  text          not null,
    revision              int           not null,
    name                  text          not null,
    investor              text          not null,
    province              text          not null,
    city                  text          not null,
    district              text,
    sector                text          not null,
    signed_on             date          not null,
    contract_value        numeric(16,2) not null,
    stage                 text          not null,
    stage_since           date          not null,
    -- the stage a SUSPENDED project may go back to
    suspended_from        text,
    investment_completed  numeric(16,2),
    jobs_created          bigint,
    progress_percent      int
);
create index project_stage on project (stage);
create index project_place on project (province, city);

-- Every accepted update, as the inspector posted it.
create table status_update (
    id                    uuid          primary key,
    seq                   bigserial     not null unique,
    project_id            uuid          not null references project (id),
    effective_on          date          not null,
    stage                 text,
    previous_stage        text,
    investment_completed  numeric(16,2),
    jobs_created          bigint,
    progress_percent      int,
    note                  text,
    recorded_at           timestamptz   not null,
    recorded_by           text          not null
);
create index status_update_project on status_update (project_id, effective_on, seq);
