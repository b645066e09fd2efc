-- An Idempotency-Key, and the hash of an imported file, are their caller's own (the token's subject): the same key
-- or file from another person is another request, neither refused with 409 nor answered with what the first person
-- got. Keys stored before belong to no one (subject ''): a retry of such a request after the upgrade is new.
alter table idempotency_key add column subject text not null default '';
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (subject, key);

alter table contract_import drop constraint contract_import_file_sha256_key;
alter table contract_import add constraint contract_import_per_officer unique (imported_by, file_sha256);
