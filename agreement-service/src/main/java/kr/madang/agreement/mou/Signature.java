package kr.madang.agreement.mou;

import java.time.Instant;

/** A party's signature of one version: who signed, with what title, when, on which document hash, and through what. */
public record Signature(String partyId, int version, String signerName, String signerTitle, Instant signedAt,
                        String documentSha256, String via) {
}
