-- The status page lists the watch list and the quarterly round of an inspector's area, picked from the GB/T 2260
-- list: the place's code is taken from intake's snapshots (null for a project learnt before, until intake corrects
-- it), so that an area matches whatever language or spelling the contract's names are in.
alter table project add column region_code varchar(6);
-- varchar_pattern_ops: an area is a prefix of the code (like '2305%'), which a plain index cannot serve in every collation.
create index project_region_code on project (region_code varchar_pattern_ops);

-- What a reason rests on, said in Chinese beside the English of detail (both written when the windows are
-- computed; the rules' version is raised, so every project's windows are computed again at start-up).
alter table watch_reason add column detail_zh text;
