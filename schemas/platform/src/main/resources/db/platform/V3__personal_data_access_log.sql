-- Staff access to persons' data (개인정보의 안전성 확보조치 기준 Art. 8): ids, never names, so an entry outlives the
-- person's erasure; kept at least two years (no job deletes from it); each row's HMAC chains it to the one before.
create table personal_data_access (
    id             bigserial primary key,
    at             timestamptz not null,
    account        text,
    role           text,
    source_address text,
    action         text        not null,
    scope          text,
    subject_ids    text        not null default '',
    subject_count  int         not null default 0,
    query          text,
    reason         text,
    previous_hash  text        not null,
    hash           text        not null
);
create index personal_data_access_at on personal_data_access (at);
create index personal_data_access_account_at on personal_data_access (account, at);
