-- Calendar files (.ics) attached to attendee emails.
-- The SEQUENCE of every attendee's calendar entry for a forum event: raised on each reschedule (and on cancellation),
-- so calendar clients replace the entry they hold instead of adding a second one.
alter table forum_event add column calendar_sequence integer not null default 0;

-- The calendar file an email carries, built when the message is queued (so a retry sends the same file). It names
-- no person: UID from the registration id, the forum's times, title and venue.
create table message_calendar (
    message_id uuid primary key references message (id) on delete cascade,
    method     text not null,
    ics        text not null
);
