-- The short human check-in code of a registration (issue 16): 8 characters without look-alikes, unique per forum
-- event. Its own table so that a collision is an "on conflict do nothing" and a retry, not an aborted transaction.
-- Erasure deletes the row with the rest of the person's data.
create table ticket_code (
    registration_id uuid primary key references registration (id) on delete cascade,
    event_id        uuid not null references forum_event (id),
    code            text not null,
    constraint ticket_code_format check (code ~ '^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$'),
    constraint ticket_code_unique_per_event unique (event_id, code)
);
