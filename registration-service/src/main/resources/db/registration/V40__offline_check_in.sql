-- Offline door (issue 17.3): which door device recorded a check-in, and every uploaded offline check-in by its
-- client-generated id, so a re-upload gets the first answer back.
alter table check_in add column device_name text;

create table offline_check_in (
    id                 uuid        primary key,
    event_id           uuid        not null references forum_event (id),
    registration_id    uuid,
    device_id          text        not null,
    device_name        text        not null,
    device_time        timestamptz not null,
    received_at        timestamptz not null,
    received_by        text        not null,
    result             text        not null,
    reason             text,
    checked_in_at      timestamptz,
    checked_in_device  text
);
create index offline_check_in_event on offline_check_in (event_id);
