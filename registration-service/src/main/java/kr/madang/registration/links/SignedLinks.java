package kr.madang.registration.links;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import kr.madang.platform.links.LinkSigner;


/**
 * HMAC-SHA256 signed, expiring tokens for the attendee's own links: the cancellation link in their email and the
 * check-in code shown as a QR code. A token says what it is for, which registration and event, and until when; it is
 * URL-safe and short enough for a QR code. Nothing is stored: the signature is the proof.
 */
public final class SignedLinks {

    public enum Purpose {
        CANCEL("c"), CHECK_IN("q"), TICKET("t");

        final String code;

        Purpose(String code) {
            this.code = code;
        }
    }

    /** What a verified token grants. */
    public record Grant(Purpose purpose, UUID registrationId, UUID eventId, Instant expiresAt) {
    }

    /** Why a token is refused. */
    public static class InvalidLink extends RuntimeException {
        private final String reason;

        public InvalidLink(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** Half the MAC: plenty against forgery, and keeps the QR code small. */
    private static final int MAC_BYTES = 16;

    private final LinkSigner signer;

    public SignedLinks(String secret) {
        this.signer = new LinkSigner(secret, MAC_BYTES);
    }

    public String sign(Purpose purpose, UUID registrationId, UUID eventId, Instant expiresAt) {
        return signer.seal(purpose.code + "." + compact(registrationId) + "." + compact(eventId) + "."
                + Long.toString(expiresAt.getEpochSecond(), 36));
    }

    /** The grant of a genuine token; {@code now} null skips the expiry check (the caller checks it later). */
    public Grant verify(String token, Purpose expected, Instant now) {
        if (token == null || token.length() > 200 || !token.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+){4}")) {
            throw new InvalidLink("MALFORMED", "The token is not one of ours");
        }
        String[] parts = signer.open(token)
                .orElseThrow(() -> new InvalidLink("BAD_SIGNATURE", "The token's signature does not match"))
                .split("\\.");
        if (!expected.code.equals(parts[0])) {
            throw new InvalidLink("WRONG_PURPOSE", "The token is not meant for this");
        }
        Instant expiresAt;
        UUID registrationId;
        UUID eventId;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3], 36));
            registrationId = uuid(parts[1]);
            eventId = uuid(parts[2]);
        } catch (RuntimeException e) {
            throw new InvalidLink("MALFORMED", "The token is not one of ours");
        }
        if (now != null && !now.isBefore(expiresAt)) {
            throw new InvalidLink("EXPIRED", "The link expired at " + expiresAt);
        }
        return new Grant(expected, registrationId, eventId, expiresAt);
    }

    private static String compact(UUID id) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return B64.encodeToString(buffer.array());
    }

    private static UUID uuid(String compact) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(B64D.decode(compact));
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
