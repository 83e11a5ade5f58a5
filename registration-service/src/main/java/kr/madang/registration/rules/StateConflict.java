package kr.madang.registration.rules;

import java.util.List;

/**
 * An action the current state does not allow (answered as a 409 problem that names the state and what is allowed
 * instead, so a client can show the right buttons).
 */
public class StateConflict extends RuntimeException {

    private final String title;
    private final String state;
    private final List<String> allowedActions;

    public StateConflict(String title, String detail, String state, List<String> allowedActions) {
        super(detail);
        this.title = title;
        this.state = state;
        this.allowedActions = allowedActions;
    }

    public String title() {
        return title;
    }

    public String state() {
        return state;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }
}
