package kr.madang.agreement.mou;

import java.time.Instant;

/**
 * A party's signature of one version: who signed, with what title, when, through what, on which document hash, and
 * on which hash of everything signed ({@link SignedContent}; null on signatures given before it was recorded).
 */
public record Signature(String partyId, int version, String signerName, String signerTitle, Instant signedAt,
                        String documentSha256, String via, String contentSha256) {
}
