-- agreement-service: multi-party agreements (MOUs), their documents, their tamper-evident history, and what it
-- knows of forum events (from registration-service's events) to tie ceremonies and regions to agreements.

-- One row per agreement. The aggregate (parties, versions, signatures, circulation) is kept whole in "body" and changed
-- under a row lock (select ... for update), so two parties signing at once are applied one after the other, both kept.
-- The columns beside it are what queries and the scheduler need.
create table agreement (
    id             uuid        primary key,
    state          text        not null,
    title          text        not null,
    forum_event_id text,
    next_due_at    timestamptz,
    body           jsonb       not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index agreement_next_due on agreement (next_due_at) where next_due_at is not null;
create index agreement_forum_event on agreement (forum_event_id) where forum_event_id is not null;
create index agreement_created on agreement (created_at desc);

-- Uploaded PDFs, one per version that has one (the text of a text document is in the body).
create table agreement_document (
    agreement_id uuid    not null references agreement (id),
    version      int     not null,
    file_name    text,
    sha256       text    not null,
    content      bytea   not null,
    primary key (agreement_id, version)
);

-- Audit history: every change, who made it, when, why, on which version. Each entry holds the hash of the one
-- before it, so an edited or deleted entry breaks the chain (GET /api/agreements/{id}/history shows where).
create table agreement_history (
    agreement_id uuid        not null references agreement (id),
    seq          bigint      not null,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    version      int         not null,
    state        text        not null,
    reason       text,
    detail       text,
    prev_hash    text        not null,
    hash         text        not null,
    primary key (agreement_id, seq)
);

-- Forum events as registration-service announced them: the region decides which regional office may read an
-- agreement tied to the event.
create table forum_event (
    id         text        primary key,
    region     text        not null,
    title      text        not null,
    venue      text,
    starts_at  timestamptz,
    ends_at    timestamptz,
    status     text        not null,
    updated_at timestamptz not null default now()
);
create index forum_event_region on forum_event (region);

-- Idempotent creation: a retried POST with the same Idempotency-Key answers the agreement it created the first time.
create table idempotency_key (
    principal     text        not null,
    key           text        not null,
    request_hash  text        not null,
    agreement_id  uuid        not null,
    created_at    timestamptz not null default now(),
    primary key (principal, key)
);
