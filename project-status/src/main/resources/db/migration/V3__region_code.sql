-- The GB/T 2260 code of each project's place, as reports place it (the code of intake's snapshot, else its finest
-- names that resolve), so that the watch list selects a place and everything inside it by code whatever script its
-- names are in. Codes nest by their digits: a place's projects are a range (230000..239999, 230500..230599).
alter table project add column region_code text;
create index project_region_code on project (region_code);
