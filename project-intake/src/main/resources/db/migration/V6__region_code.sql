-- The GB/T 2260 code of the project's place (province, city or county; null when its names match no code). The
-- listing's regionCode filter asks for a range of codes (230000: 230000..239999), which this index serves.
-- V7 (a Java migration, db.migration.V7__Resolve_stored_places) resolves the names already stored.
alter table project add column region_code text;
create index project_region_code on project (region_code);
