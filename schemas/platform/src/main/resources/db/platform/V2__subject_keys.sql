-- A tombstone on a compacted topic has no value.
alter table outbox_message alter column payload drop not null;

-- Persons' data keys (crypto-shredding of what sits on topics): the owner's keys and consumers' copies. An erased
-- person keeps a row with no key, so a late copy of the key is not taken back in.
create table subject_key (
    subject_id text        primary key,
    data_key   bytea,
    erased_at  timestamptz,
    created_at timestamptz not null default now()
);
