package kr.madang.platform.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Link seals with a key id, per purpose, and key rotation: {@code kid.payload.signature}. The first key signs; the
 * others only verify, each until its {@code verifyUntil} (the grace period after it was replaced), so links mailed
 * before a rotation keep working for as long as configured and no longer. Each purpose (cancellation, signing,
 * opt-out, ...) gets its own key derived from the secret, so a link made for one purpose never opens another.
 * Configured as {@code madang.links.keys[0].id/secret}, {@code madang.links.keys[1].id/secret/verify-until}, ...
 */
public final class LinkKeyRing {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** @param verifyUntil when a retired key stops verifying; null for the active key (the first) */
    public record Key(String id, String secret, Instant verifyUntil) {
        public Key {
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("madang.links.keys[].id must be 1-32 of A-Z a-z 0-9 _ -");
            }
            if (secret == null || secret.length() < 32) {
                throw new IllegalArgumentException("madang.links.keys[" + id + "].secret must be at least 32 characters");
            }
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final Key active;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final int signatureBytes;
    private final Clock clock;

    /** @param keys the active key first, then retired ones; @param signatureBytes 16 to 32 bytes of MAC kept */
    public LinkKeyRing(List<Key> keys, int signatureBytes, Clock clock) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("madang.links.keys needs at least one key");
        }
        if (signatureBytes < 16 || signatureBytes > 32) {
            throw new IllegalArgumentException("signatureBytes must be 16 to 32");
        }
        for (Key key : keys) {
            if (this.keys.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("madang.links.keys: key id " + key.id() + " appears twice");
            }
        }
        this.active = keys.getFirst();
        this.signatureBytes = signatureBytes;
        this.clock = clock;
    }

    public String activeKeyId() {
        return active.id();
    }

    /** {@code payload} (URL-safe characters only) sealed for {@code purpose} with the active key. */
    public String seal(String purpose, String payload) {
        String signed = active.id() + "." + payload;
        return signed + "." + B64.encodeToString(mac(active, purpose, signed));
    }

    /** The payload of a token sealed for this purpose with a key that still verifies; empty for anything else. */
    public Optional<String> open(String purpose, String token) {
        if (token == null || token.length() > 2048) {
            return Optional.empty();
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot < 1 || lastDot <= firstDot + 1) {
            return Optional.empty();
        }
        Key key = keys.get(token.substring(0, firstDot));
        if (key == null || (key.verifyUntil() != null && !clock.instant().isBefore(key.verifyUntil()))) {
            return Optional.empty();
        }
        String signed = token.substring(0, lastDot);
        byte[] given;
        try {
            given = B64D.decode(token.substring(lastDot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, mac(key, purpose, signed))
                ? Optional.of(token.substring(firstDot + 1, lastDot))
                : Optional.empty();
    }

    private byte[] mac(Key key, String purpose, String signed) {
        byte[] purposeKey = hmac(key.secret().getBytes(StandardCharsets.UTF_8),
                ("madang-link/" + purpose).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(hmac(purposeKey, signed.getBytes(StandardCharsets.US_ASCII)), signatureBytes);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
