-- The contract's key-project lists (codes of GET /api/designations, in its order), its park, and the investor's
-- promise once in operation (yuan a year). varchar[], not text[]: Hibernate binds the search's codes as varchar[],
-- and PostgreSQL has no && between text[] and varchar[].
alter table project add column designations varchar[] not null default '{}';
alter table project add column park text;
alter table project add column expected_annual_sales numeric(16,2);
alter table project add column expected_annual_profit numeric(16,2);
alter table project add column expected_annual_tax numeric(16,2);
create index project_designations on project using gin (designations);

-- Every annual plan (年度计划投资) set for a project, in the order they were accepted: who set what when. A
-- project's plan for a year is its last row for that year. event_id: its project.plan-set event.
create table project_plan (
    event_id            uuid          primary key,
    seq                 bigserial     not null unique,
    project_id          uuid          not null references project (id),
    year                int           not null,
    planned_investment  numeric(16,2) not null,
    start_planned       boolean       not null,
    recorded_at         timestamptz   not null,
    recorded_by         text          not null
);
create index project_plan_year on project_plan (project_id, year, seq);

-- Every set of annual targets of a place, in the order they were accepted; a place's targets for a year are its
-- last row for that year. place_key is the place lower-cased (province/city/district, an absent part empty), so
-- "heilongjiang" and "Heilongjiang" are one place; the names are kept as each set spelt them. A null figure has
-- no target. event_id: its target.set event.
create table target (
    event_id              uuid          primary key,
    seq                   bigserial     not null unique,
    year                  int           not null,
    place_key             text          not null,
    province              text          not null,
    city                  text,
    district              text,
    signed_count          bigint,
    signed_value          numeric(16,2),
    starts                bigint,
    investment_completed  numeric(16,2),
    jobs_created          bigint,
    recorded_at           timestamptz   not null,
    recorded_by           text          not null
);
create index target_place on target (year, place_key, seq);
