-- Anonymous callers' keys are now scoped by client address ("anon:<address>"): the old shared scope goes.
delete from idempotency_record where scope = 'anonymous';
-- The registration an answer created or changed, so that erasing the person erases the kept answer too.
alter table idempotency_record add column registration_id uuid;
create index idempotency_record_registration on idempotency_record (registration_id) where registration_id is not null;
