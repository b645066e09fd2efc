-- Week periods inside each quarter (decision 56): besides the quarter periods, one chain from each stored quarter
-- end, ending seven days apart from the quarter's first day until the next quarter end, so that a past report sums
-- the quarter chain up to the last quarter end by its moment, that quarter's weeks up to the last week end by it,
-- and at most a week of versions since. A quarter end is a quarter period's alone; a week period never ends there.
alter table checkpoint_period add column grain text not null default 'quarter' check (grain in ('quarter', 'week'));
