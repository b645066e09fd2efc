-- Every accepted file of POST /api/projects/imports. The file's SHA-256 is unique: the same file uploaded again
-- waits for the first upload's transaction and then replays its answer, creating nothing.
create table contract_import (
    id           uuid         primary key,
    file_sha256  text         not null unique,
    -- the 201 body as first returned, replayed as is
    response     text,
    imported_at  timestamptz  not null default now(),
    imported_by  text         not null
);

-- The stage changes project-status published (landfall.project-updates), in the order they arrived, which is
-- the order status accepted them (one project's events share a partition). Intake keeps them to report each
-- project's current stage and its actual start and operational dates (GET /api/projects, the OC4IDS export).
create table project_stage_change (
    event_id      uuid         primary key,
    seq           bigserial    not null unique,
    project_id    uuid         not null references project (id),
    stage         text         not null,
    effective_on  date         not null,
    recorded_at   timestamptz  not null
);
create index project_stage_change_project on project_stage_change (project_id, seq);
