-- Anonymous attempts to register an email already registered for the event: answered as a new registration would be
-- (no oracle for strangers), and kept here until an event exists that lets notification-service tell the person.
-- Ids only; the registration's erasure deletes the row.
create table duplicate_registration_notice (
    registration_id  uuid        primary key references registration (id),
    event_id         uuid        not null references forum_event (id),
    attempts         int         not null,
    first_attempt_at timestamptz not null,
    last_attempt_at  timestamptz not null
);
