package kr.madang.agreement.mou;

import java.util.List;

/** The agreement cannot do this now: carries the current state and what is allowed instead (answered as a 409). */
public class TransitionRefused extends RuntimeException {

    private final AgreementState state;
    private final AmendmentStatus amendment;
    private final AgreementAction action;
    private final List<AgreementAction> allowed;
    private final String code;

    public TransitionRefused(String code, String detail, AgreementState state, AmendmentStatus amendment,
                             AgreementAction action, List<AgreementAction> allowed) {
        super(detail);
        this.code = code;
        this.state = state;
        this.amendment = amendment;
        this.action = action;
        this.allowed = List.copyOf(allowed);
    }

    public AgreementState state() {
        return state;
    }

    public AmendmentStatus amendment() {
        return amendment;
    }

    public AgreementAction action() {
        return action;
    }

    public List<AgreementAction> allowed() {
        return allowed;
    }

    /** ILLEGAL_TRANSITION, NOT_YOUR_TURN, ALREADY_SIGNED, NOT_A_SIGNER, NO_DOCUMENT. */
    public String code() {
        return code;
    }
}
