-- Every accepted correction of a project, oldest first by revision: the audit trail of data-entry fixes.
create table project_correction (
    id            uuid         primary key,
    project_id    uuid         not null references project (id),
    revision      int          not null,
    corrected_at  timestamptz  not null,
    corrected_by  text         not null,
    reason        text         not null,
    -- [{"field": "contractValue", "from": 1000000000, "to": 10000000000}, ...]
    changes       json         not null,
    unique (project_id, revision)
);

-- Idempotency-Key of POST /api/projects. The primary key makes a concurrent retry wait for the first request's
-- transaction: if that one commits, the retry replays its answer; if it rolls back, the retry goes ahead.
create table idempotency_key (
    key           text         primary key,
    request_hash  text         not null,
    project_id    uuid         references project (id),
    -- the 201 body as first returned (the project at revision 1), replayed as is
    response      text,
    created_at    timestamptz  not null default now()
);

-- The listing's order and its most common filters.
create index project_listing on project (signed_on desc, code);
create index project_place on project (lower(province), lower(city));

-- 10^13 yuan, the largest contract value allowed, has 14 digits before the decimal point.
alter table project alter column contract_value type numeric(16,2);
