package kr.madang.agreement.mou;

/** An amendment of an agreement in force: being edited, or out for signature. The old version stays in force meanwhile. */
public enum AmendmentStatus {
    NONE, NEGOTIATION, CIRCULATING
}
