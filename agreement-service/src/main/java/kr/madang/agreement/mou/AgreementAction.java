package kr.madang.agreement.mou;

import java.util.Locale;

/** What a user can ask of an agreement; the 409 of a refused transition lists the ones allowed now. */
public enum AgreementAction {
    REVISE, CIRCULATE, WITHDRAW, SIGN, DECLINE, AMEND, ACCEDE, RENEW, TERMINATE;

    /** The name used on the API ("sign", "circulate", ...). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
