package kr.madang.agreement.mou;

import java.time.Instant;

/** A version out for signature: which step is open, since when, until when, and how many reminders went out. */
public record Circulation(int version, Instant startedAt, Instant deadline, int step, Instant stepOpenedAt,
                          int remindersSent) {

    Circulation nextStep(int newStep, Instant at) {
        return new Circulation(version, startedAt, deadline, newStep, at, 0);
    }

    Circulation reminded() {
        return new Circulation(version, startedAt, deadline, step, stepOpenedAt, remindersSent + 1);
    }
}
