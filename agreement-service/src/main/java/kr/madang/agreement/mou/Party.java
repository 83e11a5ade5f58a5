package kr.madang.agreement.mou;

import java.time.Instant;

/** A signatory institution, its representative, the contact its notices go to, and its signing step. */
public record Party(String id, String institution, String representativeName, String representativeTitle,
                    Contact contact, int step, PartyStatus status, Instant joinedAt) {

    Party withStatus(PartyStatus newStatus, Instant at) {
        return new Party(id, institution, representativeName, representativeTitle, contact, step, newStatus, at);
    }
}
