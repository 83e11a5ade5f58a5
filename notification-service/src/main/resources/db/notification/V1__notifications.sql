-- notification-service: templates, messages with their delivery attempts, opt-outs, the minimal local copy of
-- recipients needed for reminders and fan-out, and dead letters with their replay audit.

-- Versioned templates per code (one or more source event types) x channel x language. The highest version is live.
create table template (
    code        text        not null,
    channel     text        not null check (channel in ('EMAIL', 'SMS')),
    language    text        not null check (language in ('ko', 'en')),
    version     int         not null,
    subject     text,
    body        text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    primary key (code, channel, language, version)
);

-- One row per message. recipient_key is a stable, non-personal key (registration id, party id, 'secretariat'),
-- so the idempotency constraint survives erasure of the address.
create table message (
    id                  uuid        primary key,
    source_event_id     text        not null,
    source_event_type   text        not null,
    template_code       text        not null,
    template_version    int         not null,
    channel             text        not null,
    language            text        not null,
    recipient_key       text        not null,
    recipient           text,
    recipient_masked    text        not null,
    registration_id     text,
    agreement_id        text,
    forum_event_id      text,
    subject             text,
    body_text           text,
    body_html           text,
    sms_type            text,
    essential           boolean     not null,
    urgent              boolean     not null,
    unsubscribe_url     text,
    status              text        not null,
    status_version      int         not null default 1,
    reason              text,
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null,
    lease_until         timestamptz,
    claimed_by          text,
    provider            text,
    provider_message_id text,
    correlation_id      text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    first_attempt_at    timestamptz,
    sent_at             timestamptz,
    delivered_at        timestamptz,
    constraint message_once unique (source_event_id, recipient_key, channel, template_code)
);
create index message_due on message (next_attempt_at) where status in ('QUEUED', 'TEMPORARY_FAILURE');
create index message_leased on message (lease_until) where status = 'SENDING';
create index message_registration on message (registration_id);
create index message_agreement on message (agreement_id);
create index message_source_event on message (source_event_id);
create index message_created on message (created_at desc);

create table message_attempt (
    message_id  uuid        not null references message (id) on delete cascade,
    number      int         not null,
    provider    text,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    outcome     text        not null,
    detail      text,
    primary key (message_id, number, started_at)
);

-- Opt-outs keyed by an HMAC of the address: the address itself is not kept.
create table opt_out (
    recipient_hash text        not null,
    channel        text        not null,
    created_at     timestamptz not null,
    primary key (recipient_hash, channel)
);

-- The local copy of forum events and their attendees, kept only for reminders and event-wide notices.
create table forum_event (
    forum_event_id   text        primary key,
    title            text        not null,
    title_en         text,
    region           text        not null,
    venue            text,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    cancelled        boolean     not null default false,
    reminder_sent_on date
);

create table attendee (
    registration_id text        primary key,
    forum_event_id  text        not null,
    status          text        not null,
    name            text        not null,
    email           text,
    phone           text,
    language        text        not null,
    organisation    text,
    cancellation_url text,
    check_in_code   text,
    updated_at      timestamptz not null
);
create index attendee_forum_event on attendee (forum_event_id, status);

-- Records this service could not process, as they arrived on its dead-letter topics.
create table dead_letter (
    id                 bigserial   primary key,
    dlt_topic          text        not null,
    dlt_partition      int         not null,
    dlt_offset         bigint      not null,
    source_topic       text        not null,
    source_partition   int,
    source_offset      bigint,
    record_key         text,
    payload            bytea,
    headers            jsonb       not null,
    event_type         text,
    event_id           text,
    reason             text,
    exception_class    text,
    received_at        timestamptz not null,
    status             text        not null default 'PENDING',
    replay_count       int         not null default 0,
    last_replayed_at   timestamptz,
    unique (dlt_topic, dlt_partition, dlt_offset)
);
create index dead_letter_status on dead_letter (status, id);

create table dead_letter_replay (
    id             bigserial   primary key,
    dead_letter_id bigint      not null references dead_letter (id),
    mode           text        not null,
    actor          text        not null,
    replayed_at    timestamptz not null,
    outcome        text        not null,
    detail         text
);
