-- Issue 20: the watch list, blockers, milestones, funds in place, idempotent updates and evidence photos.

-- What the watch list needs of intake's contract (filled from the next snapshot of each project: a project learnt
-- before has none of it until intake corrects it), the funds in place, and when status last recorded an update.
alter table project add column planned_start_on date;
alter table project add column planned_operational_on date;
alter table project add column designations varchar[] not null default '{}';
alter table project add column contract_recorded_at timestamptz;
alter table project add column funds_in_place numeric(16,2);
alter table project add column last_update_recorded_at timestamptz;
-- The version of the watch rules that computed the project's watch_reason rows; 0: not yet (the service computes
-- them in the background at start-up, and again whenever the rules change).
alter table project add column watch_version int not null default 0;
update project p set last_update_recorded_at = (select max(u.recorded_at) from status_update u where u.project_id = p.id);
create index project_watch_version on project (watch_version);
create index project_designations on project using gin (designations);

alter table status_update add column funds_in_place numeric(16,2);
alter table status_update add column milestones varchar[] not null default '{}';

-- When each reason of the watch list holds for a project, as its facts stand: from since (yellow) and from
-- red_from (red; null: never). Recomputed in the transaction that changes the facts.
create table watch_reason (
    project_id  uuid  not null references project (id),
    code        text  not null,
    since       date  not null,
    red_from    date,
    detail      text  not null,
    primary key (project_id, code)
);

-- What holds a project up, raised and resolved by inspectors.
create table blocker (
    id           uuid         primary key,
    seq          bigserial    not null unique,
    project_id   uuid         not null references project (id),
    kind         text         not null,
    description  text         not null,
    owner        text         not null,
    raised_on    date         not null,
    raised_at    timestamptz  not null,
    raised_by    text         not null,
    resolved_on  date,
    note         text,
    resolved_at  timestamptz,
    resolved_by  text
);
create index blocker_project on blocker (project_id, raised_on, seq);

-- Idempotency-Key of POST /api/projects/{id}/updates (platform's IdempotencyKeys). The primary key makes a
-- concurrent retry wait for the first request's transaction: if that one commits, the retry replays its answer;
-- if it rolls back, the retry goes ahead.
create table idempotency_key (
    key           text         primary key,
    request_hash  text         not null,
    -- the 201 body as first returned, replayed as is
    response      text,
    created_at    timestamptz  not null default now()
);

-- Photos of an update, with their bytes; the same bytes are stored once per update.
create table evidence (
    id            uuid           primary key,
    seq           bigserial      not null unique,
    project_id    uuid           not null references project (id),
    update_id     uuid           not null references status_update (id),
    content_type  text           not null,
    size          int            not null,
    sha256        text           not null,
    taken_at      timestamptz,
    latitude      numeric(10,7),
    longitude     numeric(10,7),
    recorded_at   timestamptz    not null,
    recorded_by   text           not null,
    bytes         bytea          not null,
    unique (update_id, sha256)
);
create index evidence_project on evidence (project_id, seq);
