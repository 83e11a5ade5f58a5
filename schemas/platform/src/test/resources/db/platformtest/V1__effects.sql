-- What the test consumer does with each event: one row per applied event.
create table applied_effect (
    event_id   text primary key,
    aggregate  text not null,
    version    bigint not null
);
