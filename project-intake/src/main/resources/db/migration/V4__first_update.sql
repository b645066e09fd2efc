-- The earliest-dated update project-status accepted for each project (landfall.project-updates): a stage change,
-- or only figures or a note (stage null). Status refuses an update dated before the signing, so a correction may
-- not move signedOn after this date either: intake keeps it to refuse such a correction (422).
create table project_first_update (
    project_id    uuid  primary key references project (id),
    effective_on  date  not null,
    stage         text
);

-- The stage changes intake already learnt. Updates that carried only figures were not kept before this table:
-- those consumed earlier bound signedOn only through the stage changes.
insert into project_first_update (project_id, effective_on, stage)
select distinct on (project_id) project_id, effective_on, stage
from project_stage_change
order by project_id, effective_on, seq;
