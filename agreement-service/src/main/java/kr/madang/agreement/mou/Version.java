package kr.madang.agreement.mou;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One version of the agreement: its content, and the signatures and declines given to exactly this version. */
public record Version(int number, Content content, Instant createdAt, String createdBy, Instant circulatedAt,
                      Instant executedAt, List<Signature> signatures, List<Decline> declines) {

    public Version {
        signatures = List.copyOf(signatures);
        declines = List.copyOf(declines);
    }

    static Version first(int number, Content content, Instant at, String actor) {
        return new Version(number, content, at, actor, null, null, List.of(), List.of());
    }

    public String documentSha256() {
        return content.document() == null ? null : content.document().sha256();
    }

    public Optional<Signature> signatureOf(String partyId) {
        return signatures.stream().filter(s -> s.partyId().equals(partyId)).findFirst();
    }

    public Optional<Decline> declineOf(String partyId) {
        return declines.stream().filter(d -> d.partyId().equals(partyId)).reduce((a, b) -> b);
    }

    Version withContent(Content newContent) {
        return new Version(number, newContent, createdAt, createdBy, circulatedAt, executedAt, signatures, declines);
    }

    Version circulated(Instant at) {
        return new Version(number, content, createdAt, createdBy, at, executedAt, signatures, declines);
    }

    Version executed(Instant at) {
        return new Version(number, content, createdAt, createdBy, circulatedAt, at, signatures, declines);
    }

    Version signed(Signature signature) {
        List<Signature> more = new ArrayList<>(signatures);
        more.add(signature);
        return new Version(number, content, createdAt, createdBy, circulatedAt, executedAt, more, declines);
    }

    Version declined(Decline decline) {
        List<Decline> more = new ArrayList<>(declines);
        more.add(decline);
        return new Version(number, content, createdAt, createdBy, circulatedAt, executedAt, signatures, more);
    }
}
