-- Each claim of a message gets a token of its own: the lease is renewed and the outcome recorded only under that
-- token, so a claim that was taken over (its lease ran out) can change nothing, even from the same instance.
alter table message add column claim_token uuid;
