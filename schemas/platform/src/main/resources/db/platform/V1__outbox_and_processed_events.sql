-- Platform tables every service has, migrated with their own history table (platform_schema_history)
-- so that they never collide with a service's own migration versions.

-- Events waiting to be published: written in the same transaction as the state change they announce.
create table outbox_message (
    id          bigserial primary key,
    topic       text        not null,
    message_key text        not null,
    bucket      int         not null,
    event_id    text        not null,
    event_type  text        not null,
    payload     bytea       not null,
    headers     jsonb       not null default '{}'::jsonb,
    created_at  timestamptz not null default now()
);
create index outbox_message_bucket_id on outbox_message (bucket, id);

-- Events a consumer group has already applied: the idempotent-consumer guard.
create table processed_event (
    consumer_group text        not null,
    event_id       text        not null,
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
create index processed_event_processed_at on processed_event (processed_at);
