package kr.madang.platform.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 seal behind every link Madang mails to people who have no account (cancellation, check-in QR code,
 * signing, opt-out): {@code payload + "." + signature}, URL-safe. Nothing is stored; the seal is the proof. Each
 * service decides what its payload says (purpose, ids, expiry) and checks it after {@link #open}.
 */
public final class LinkSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final int signatureBytes;

    /** @param signatureBytes bytes of the MAC kept in the token (16 keeps QR codes small; 32 is the whole MAC) */
    public LinkSigner(String secret, int signatureBytes) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("madang.links.secret must be at least 16 characters");
        }
        if (signatureBytes < 16 || signatureBytes > 32) {
            throw new IllegalArgumentException("signatureBytes must be 16 to 32");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.signatureBytes = signatureBytes;
    }

    public LinkSigner(String secret) {
        this(secret, 32);
    }

    /** {@code payload} (URL-safe characters only) sealed with its signature. */
    public String seal(String payload) {
        return payload + "." + B64.encodeToString(mac(payload.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The payload of a token whose seal is genuine; empty for anything else. */
    public Optional<String> open(String token) {
        if (token == null || token.length() > 2048) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] given;
        try {
            given = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, mac(payload.getBytes(StandardCharsets.US_ASCII))) ? Optional.of(payload) : Optional.empty();
    }

    /** Text made URL-safe for a payload (base64url), and back. */
    public static String encode(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<String> decode(String encoded) {
        try {
            return Optional.of(new String(B64D.decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A keyed hash: stable across restarts, useless without the secret (e.g. to remember an address without keeping it). */
    public String keyedHash(String text) {
        return HexFormat.of().formatHex(fullMac(text.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] mac(byte[] data) {
        return Arrays.copyOf(fullMac(data), signatureBytes);
    }

    private byte[] fullMac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
