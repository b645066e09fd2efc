-- An Idempotency-Key is its caller's own (the token's subject): the same key from another inspector is another
-- request, neither refused with 409 nor answered with what the first inspector got. Keys stored before belong to no
-- one (subject ''): a retry of such a request after the upgrade is new.
alter table idempotency_key add column subject text not null default '';
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (subject, key);
