package kr.madang.registration.rules;

/** Input that breaks a business rule, naming the field at fault (answered as a 400 problem). */
public class RuleViolation extends RuntimeException {

    private final String field;

    public RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
