package kr.madang.platform.web;

/**
 * The work was not done because others were changing the same thing at that moment (a deadlock or lock wait that
 * timed out even after retries, a queue that did not move): nothing was written, and the caller may simply retry.
 * Answered 503 with Retry-After, unlike a bug (500) or the database being away (503, longer wait).
 */
public class Busy extends RuntimeException {

    public Busy(Throwable cause) {
        super("busy", cause, false, false);
    }
}
