-- The sessions each attendee chose and holds a seat in (issue 17): their calendar file carries one entry per session
-- beside the forum's. Kept with the attendee's copy (gone with it on cancellation, erasure and the event's end) and
-- moved with the forum event on each reschedule, so later files (reschedule, cancellation, ticket page) name them.
create table attendee_session (
    registration_id text        not null references attendee (registration_id) on delete cascade,
    session_id      text        not null,
    forum_event_id  text        not null,
    title           text        not null,
    title_en        text,
    room            text,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    primary key (registration_id, session_id)
);
create index attendee_session_forum_event on attendee_session (forum_event_id);
