-- Waitlist positions are issued 1, 2, 3 … without gaps and stay on their registration when it is promoted, approved or
-- cancelled. So the people ahead of a waitlisted registration are (its position - 1) minus the lower positions whose
-- registration has left the waitlist: counted on this index, which holds only the few that left, instead of counting
-- everyone still waiting (a count that grew with the waitlist and made a 20,000-person rush quadratic).
create index registration_left_waitlist on registration (event_id, waitlist_position)
    where status <> 'WAITLISTED' and waitlist_position is not null;
