-- The W3C traceparent of the source event's consumption, so the send (later, on a dispatcher thread) continues
-- the same trace. Not personal data.
alter table message add column traceparent text;
