-- Per-forum-event channel for text messages (issue 17, item 4): ops choose, for one forum event, whether its
-- attendees' text messages go by AlimTalk (falling back to SMS/LMS) or by SMS/LMS only. No row: AlimTalk where it can.
create table forum_event_text_channel (
    forum_event_id text        primary key,
    channel        text        not null check (channel in ('ALIMTALK', 'SMS')),
    changed_by     text        not null,
    changed_at     timestamptz not null
);
