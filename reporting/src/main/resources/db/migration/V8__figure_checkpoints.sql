-- Checkpoints of the figures, so that a report as of a past moment reads a few pre-aggregated rows instead of the
-- whole versioned history (decision 48). A period (after, upto] holds, in latest_figure's shape (level, quarter,
-- group), what the versions that began or ended in it change: the figures and stage changes of those holding at
-- upto minus those holding at after, and the latest of their boundaries in the period as moments. The stored
-- periods are one chain from the beginning (the first starts at the epoch, each next where the last ended), so
-- the figures as of a moment are the sum of the periods up to the last one that ends by it, plus what the
-- versions changed since. A period is built once the watermark has passed its end, which makes it final, and
-- dropped with every later one when a fact recorded inside it arrives after all (see Checkpoints).
create table checkpoint_period (
    upto      timestamptz primary key,
    after     timestamptz not null,
    built_at  timestamptz not null default now()
);

create table checkpoint_figure (like latest_figure including defaults);
alter table checkpoint_figure add column upto timestamptz not null references checkpoint_period on delete cascade;
alter table checkpoint_figure
    add primary key (upto, level, province, province_code, city, city_code, district, district_code, sector, quarter);
create index checkpoint_figure_level on checkpoint_figure (level, quarter);
create index checkpoint_figure_place on checkpoint_figure (level, lower(province), lower(city), quarter);
