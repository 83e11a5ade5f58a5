package kr.madang.agreement.mou;

/** No party of this agreement has that id. */
public class UnknownParty extends RuntimeException {

    public UnknownParty(String partyId) {
        super("party " + partyId + " is not a party of this agreement");
    }
}
