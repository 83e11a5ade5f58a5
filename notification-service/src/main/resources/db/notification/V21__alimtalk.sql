-- KakaoTalk AlimTalk (issue 17, item 4): a third channel. A template version on ALIMTALK carries the code the vendor
-- approved and its buttons; a message on ALIMTALK keeps those buttons and, once it fell back to SMS/LMS (대체발송),
-- when. Each attempt names its channel, so one message shows its AlimTalk try and its SMS fallback.
alter table template drop constraint template_channel_check;
alter table template add constraint template_channel_check check (channel in ('EMAIL', 'SMS', 'ALIMTALK'));

create table template_alimtalk (
    code                   text    not null,
    language               text    not null,
    version                int     not null,
    vendor_template_code   text    not null,
    buttons                text    not null default '[]',
    -- false: the vendor withdrew or paused the template; its messages go by SMS until a new approved version
    active                 boolean not null default true,
    primary key (code, language, version)
);

create table message_alimtalk (
    message_id             uuid    primary key references message (id) on delete cascade,
    vendor_template_code   text    not null,
    buttons                text    not null default '[]',
    fallen_back_at         timestamptz
);

alter table message_attempt add column channel text;
