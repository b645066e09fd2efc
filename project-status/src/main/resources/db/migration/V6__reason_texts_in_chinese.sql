-- What a reason rests on, said in Chinese beside the English of detail (both written when the windows are
-- computed; the rules' version is raised, so every project's windows are computed again at start-up).
alter table watch_reason add column detail_zh text;
