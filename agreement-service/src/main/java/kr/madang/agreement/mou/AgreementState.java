package kr.madang.agreement.mou;

/** Where an agreement is in its life. Amendments and accessions run inside ACTIVE / EXPIRING (see {@link AmendmentStatus}). */
public enum AgreementState {
    DRAFT, CIRCULATING, NEGOTIATION, EXECUTED, ACTIVE, EXPIRING, EXPIRED, TERMINATED;

    public boolean inForce() {
        return this == ACTIVE || this == EXPIRING;
    }

    public boolean finished() {
        return this == EXPIRED || this == TERMINATED;
    }
}
