-- Forum events (one edition of the forum) with their seat counters. Every change of an event's registrations
-- takes this row's lock through a conditional UPDATE of its counters, which serialises seat-taking per event
-- (never oversold) and gives the event's Kafka stream a gap-free aggregate version.
create table forum_event (
    id                     uuid        primary key,
    title                  text        not null,
    title_en               text,
    description            text,
    region                 text        not null,
    venue                  text        not null,
    venue_en               text,
    starts_at              timestamptz not null,
    ends_at                timestamptz not null,
    registration_opens_at  timestamptz,
    registration_closes_at timestamptz,
    capacity               int         not null,
    confirmed              int         not null default 0,
    waitlist_issued        int         not null default 0,
    self_registration      boolean     not null,
    approval_required      boolean     not null,
    hosts                  text[]      not null default '{}',
    organisers             text[]      not null default '{}',
    sponsors               text[]      not null default '{}',
    status                 text        not null,
    cancel_reason          text,
    version                bigint      not null,
    created_by             text        not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    constraint forum_event_dates check (ends_at > starts_at),
    constraint forum_event_seats check (confirmed >= 0 and confirmed <= capacity),
    constraint forum_event_status check (status in ('DRAFT', 'OPEN', 'CLOSED', 'COMPLETED', 'CANCELLED'))
);
create index forum_event_region_starts on forum_event (region, starts_at desc);
create index forum_event_starts on forum_event (starts_at desc);
create index forum_event_ends on forum_event (ends_at);

create table forum_session (
    id         uuid        primary key,
    event_id   uuid        not null references forum_event (id),
    ordinal    int         not null,
    kind       text        not null,
    title      text        not null,
    title_en   text,
    location   text,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    capacity   int,
    confirmed  int         not null default 0,
    constraint forum_session_dates check (ends_at > starts_at),
    constraint forum_session_seats check (confirmed >= 0 and (capacity is null or confirmed <= capacity))
);
create index forum_session_event on forum_session (event_id, ordinal);

create table registration (
    id                    uuid        primary key,
    event_id              uuid        not null references forum_event (id),
    status                text        not null,
    waitlist_position     int,
    name                  text,
    email                 text,
    email_key             text,
    phone                 text,
    organisation          text,
    job_title             text,
    attendee_type         text        not null,
    language              text        not null,
    accessibility_needs   text,
    wheelchair            boolean     not null default false,
    sign_language         boolean     not null default false,
    hearing_loop          boolean     not null default false,
    dietary_needs         text,
    consent_policy_version text       not null,
    consent_at            timestamptz not null,
    source                text        not null,
    created_by            text        not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    decided_by            text,
    decided_at            timestamptz,
    decision_reason       text,
    cancelled_by          text,
    cancelled_at          timestamptz,
    cancel_reason         text,
    erased_at             timestamptz,
    erasure_reason        text,
    constraint registration_status check (status in ('CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL', 'REJECTED', 'CANCELLED'))
);
-- One live registration per email and event (the 409 points to it); cancelled or rejected ones may register again.
create unique index registration_live_email on registration (event_id, email_key)
    where status in ('CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL');
create index registration_event_created on registration (event_id, created_at, id);
create index registration_waitlist on registration (event_id, waitlist_position) where status = 'WAITLISTED';
create index registration_event_status on registration (event_id, status);

create table registration_session (
    registration_id uuid    not null references registration (id),
    session_id      uuid    not null references forum_session (id),
    seated          boolean not null,
    primary key (registration_id, session_id)
);
create index registration_session_session on registration_session (session_id);

-- One row per attendee and event day: the second scan of the day finds it.
create table check_in (
    registration_id uuid        not null references registration (id),
    day             date        not null,
    checked_in_at   timestamptz not null,
    checked_in_by   text        not null,
    primary key (registration_id, day)
);

-- Answers to POSTs that carried an Idempotency-Key: a retry gets the first answer back.
create table idempotency_record (
    scope        text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    status       int,
    content_type text,
    location     text,
    body         bytea,
    created_at   timestamptz not null,
    primary key (scope, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);
