package kr.madang.agreement.mou;

import java.util.List;

/**
 * Changes to the version being prepared. Null parts stay as they are; a null document keeps the current one.
 * Terms, parties and signing order can change only before the agreement is executed.
 */
public record Revision(String title, String purpose, List<String> cooperationItems, Document document, Terms terms,
                       SigningOrder signingOrder, List<PartySpec> parties) {

    public static Revision document(Document document) {
        return new Revision(null, null, null, document, null, null, null);
    }

    boolean changesTermsOrParties() {
        return terms != null || signingOrder != null || parties != null;
    }
}
