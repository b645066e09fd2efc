-- Places carry GB/T 2260 codes (decision 31). A contract's fact keeps the code its event gave (null in events
-- from before codes, whose names reporting resolves itself); the derived figures keep each place level's code
-- beside its name ('' where it has none), and groups are keyed by both, so that "Shuangyashan" and "双鸭山市"
-- (both 230500) are one group while a name without a code stays a group of its own.
alter table project_fact add column region_code text;

alter table contribution
    add column province_code text not null default '',
    add column city_code text not null default '',
    add column district_code text not null default '';
alter table stage_span
    add column province_code text not null default '',
    add column city_code text not null default '',
    add column district_code text not null default '';
alter table latest_figure
    add column province_code text not null default '',
    add column city_code text not null default '',
    add column district_code text not null default '';
alter table latest_figure drop constraint latest_figure_pkey;
alter table latest_figure
    add primary key (level, province, province_code, city, city_code, district, district_code, sector, quarter);
-- regionCode= selects by the codes of the place's levels.
create index latest_figure_region on latest_figure (level, province_code, city_code, district_code, quarter);

-- The places of the projects already applied come from their events' names and codes: replay every topic from
-- its beginning (ReplayFromStart) into an empty read model.
truncate latest_figure, project_fact, update_fact, plan_fact, target_fact, contribution, stage_span, processed_event,
    consumed_partition;
update report_watermark set at = '1970-01-01T00:00:00Z';
