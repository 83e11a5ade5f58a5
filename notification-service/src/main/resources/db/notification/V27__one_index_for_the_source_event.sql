-- message_once (source_event_id, recipient_key, channel, template_code) already serves every lookup by source event:
-- its first column is source_event_id. The second index only cost one more entry on every insert and every status
-- change of a message (issue 15).
drop index if exists message_source_event;
