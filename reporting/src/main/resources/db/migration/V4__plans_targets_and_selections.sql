-- Plans, key projects and rates (decision 24). A contract now carries a park, designations and a planned start
-- date; projects carry annual plans; places carry annual targets. Each is a fact with the moment it was recorded.
alter table project_fact
    add column park text not null default '',
    add column designations text[] not null default '{}',
    add column planned_start_on date;

create table plan_fact (
    event_id            uuid          primary key,
    project_id          uuid          not null,
    year                int           not null,
    planned_investment  numeric(16,2) not null,
    start_planned       boolean       not null,
    recorded_at         timestamptz   not null
);
create index plan_fact_project on plan_fact (project_id);

-- Places as reports match them: lower case, an absent city or district as ''.
create table target_fact (
    event_id              uuid          primary key,
    year                  int           not null,
    province              text          not null,
    city                  text          not null,
    district              text          not null,
    signed_count          bigint,
    signed_value          numeric(16,2),
    starts                bigint,
    investment_completed  numeric(16,2),
    jobs_created          bigint,
    recorded_at           timestamptz   not null
);
create index target_fact_place on target_fact (year, province, city, district, recorded_at);

-- The versioned figures carry what a report may select on beyond place and sector.
alter table contribution
    add column park text not null default '',
    add column designations text[] not null default '{}',
    add column contract_value numeric(16,2) not null default 0,
    add column planned_count bigint not null default 0,
    add column planned_investment numeric(16,2) not null default 0,
    add column planned_starts bigint not null default 0,
    add column planned_started_count bigint not null default 0,
    add column planned_started_investment numeric(16,2) not null default 0,
    add column planned_starts_met bigint not null default 0,
    add column planned_investment_done numeric(16,2) not null default 0,
    add column due_count bigint not null default 0,
    add column due_started bigint not null default 0;
alter table stage_span
    add column park text not null default '',
    add column designations text[] not null default '{}',
    add column contract_value numeric(16,2) not null default 0;

alter table latest_figure
    add column planned_count bigint not null default 0,
    add column planned_investment numeric not null default 0,
    add column planned_starts bigint not null default 0,
    add column planned_started_count bigint not null default 0,
    add column planned_started_investment numeric not null default 0,
    add column planned_starts_met bigint not null default 0,
    add column planned_investment_done numeric not null default 0,
    add column due_count bigint not null default 0,
    add column due_started bigint not null default 0;

-- The new figures of the projects already applied come from their events' planned start dates, parks and
-- designations: replay every topic from its beginning (ReplayFromStart) into an empty read model.
truncate latest_figure, project_fact, update_fact, contribution, stage_span, processed_event, consumed_partition;
update report_watermark set at = '1970-01-01T00:00:00Z';
