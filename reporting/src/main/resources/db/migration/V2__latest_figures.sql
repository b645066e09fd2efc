-- The latest figures, pre-aggregated, so that a latest report reads a few rows per group and quarter instead of
-- summing every project's contributions. Maintained by the consumer, in the transaction that derives the
-- projects' figures, as differences (after minus before), so redelivery and replay change nothing twice.
--
-- Each change is kept at eight levels: geography none (0), province (1), city (2) or district (3), each without
-- and with sector; level = geography * 2 + (1 if by sector). Columns a level does not group by hold ''.
-- Flow figures are the quarter's own. The pipeline is kept as differences: the *_change columns are how the
-- number of projects in each stage at a quarter's end changes from the previous quarter, so the count at a
-- quarter is the sum of the changes up to it, and a project staying in a stage needs no row per later quarter.
-- updated_at: the last recorded moment a contribution to this quarter, or a closed stage run covering it,
-- changed; open_updated_at: the same for open-ended stage runs starting at this quarter (they cover every
-- later quarter too).
create table latest_figure (
    level               smallint      not null,
    quarter             int           not null,
    province            text          not null,
    city                text          not null,
    district            text          not null,
    sector              text          not null,
    signed_count        bigint        not null,
    signed_value        numeric(18,2) not null,
    planned_jobs        bigint        not null,
    started_count       bigint        not null,
    started_value       numeric(18,2) not null,
    operational_count   bigint        not null,
    operational_value   numeric(18,2) not null,
    suspended_count     bigint        not null,
    suspended_value     numeric(18,2) not null,
    cancelled_count     bigint        not null,
    cancelled_value     numeric(18,2) not null,
    investment_delta    numeric(19,2) not null,
    jobs_delta          bigint        not null,
    signed_change       bigint        not null,
    started_change      bigint        not null,
    operational_change  bigint        not null,
    suspended_change    bigint        not null,
    cancelled_change    bigint        not null,
    updated_at          timestamptz,
    open_updated_at     timestamptz,
    primary key (level, province, city, district, sector, quarter)
);
-- Reports filter places case-insensitively: a province (and city) filter reads its own rows only.
create index latest_figure_place on latest_figure (level, lower(province), lower(city), quarter);

-- The table starts empty: empty the read model and its ledger so that reporting replays both topics from their
-- beginning (ReplayFromStart) and builds every table, this one included, from the log, which keeps every event.
truncate project_fact, update_fact, contribution, stage_span, processed_event;
