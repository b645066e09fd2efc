-- Funds in place (到位资金, issue 20): an update's cumulative figure, and each quarter's increase of it summed in
-- the reports beside the investment completed. Events from before issue 20 carry none (null: not reported).
alter table update_fact add column funds_in_place numeric(16,2);
alter table contribution add column funds_delta numeric(17,2) not null default 0;
alter table latest_figure add column funds_delta numeric not null default 0;

-- The updates already applied were stored without their funds in place: replay every topic from its beginning
-- (ReplayFromStart) into an empty read model, so that the figure is the events' from the first one.
truncate latest_figure, project_fact, update_fact, plan_fact, target_fact, contribution, stage_span, processed_event,
    consumed_partition;
update report_watermark set at = '1970-01-01T00:00:00Z';
