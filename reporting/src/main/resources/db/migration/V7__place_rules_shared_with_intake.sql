-- Reporting resolves the names of events without a code by intake's rules now (the regions module's
-- PlaceResolver): names that contradict each other give no code rather than the code of the names above them, as
-- intake gives none. The places of the projects already applied were derived by the old rule: replay every topic
-- from its beginning (ReplayFromStart) into an empty read model, as V5 did. No column changes.
truncate latest_figure, project_fact, update_fact, plan_fact, target_fact, contribution, stage_span, processed_event,
    consumed_partition;
update report_watermark set at = '1970-01-01T00:00:00Z';
