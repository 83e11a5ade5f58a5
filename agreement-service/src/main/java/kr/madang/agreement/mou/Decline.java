package kr.madang.agreement.mou;

import java.time.Instant;

/** A party's refusal of one version, with its reason. */
public record Decline(String partyId, int version, String reason, Instant declinedAt, String via) {
}
