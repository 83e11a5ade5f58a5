package kr.madang.schemas.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a string field of an event so that only the services holding its key can read it, while the event stays
 * readable with the published schemas (the field is still a string). A sealed value reads
 * {@code sealed:v1:<key id>:<base64url(nonce | AES-256-GCM ciphertext)>}; the key id is authenticated with it.
 * <ul>
 *   <li>{@code k-<id>}: a service key from configuration, shared by the producer and the services meant to read the
 *   field (links and codes that act: whoever reads the topic must not be able to use them). Keys rotate: the active
 *   key seals, every configured key opens.</li>
 *   <li>{@code s-<subject>}: the data key of one person (crypto-shredding). Destroying that key on erasure leaves
 *   every copy on every topic, dead-letter topics included, unreadable, although Kafka cannot edit them.</li>
 * </ul>
 */
public final class FieldSealer {

    public static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Ciphers kept for the next seal or open: {@code Cipher.getInstance} walks the provider list each time, half the
     * cost of sealing a field (issue 15). Every use inits its cipher with its own key and nonce; a cipher whose use
     * failed is dropped. A pool rather than one per thread, because request threads are virtual.
     */
    private static final BlockingQueue<Cipher> IDLE_CIPHERS = new ArrayBlockingQueue<>(32);

    private final Map<String, byte[]> serviceKeys;
    private final String activeKeyId;

    /** @param serviceKeys key id → 32-byte AES key; {@code activeKeyId} among them */
    public FieldSealer(Map<String, byte[]> serviceKeys, String activeKeyId) {
        this.serviceKeys = new LinkedHashMap<>(serviceKeys);
        serviceKeys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("sealing key " + id + " must be 32 bytes (base64 of 32 random bytes)");
            }
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("sealing key id " + id + " may hold only letters, digits, - and _");
            }
        });
        if (!serviceKeys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active sealing key " + activeKeyId + " is not configured");
        }
        this.activeKeyId = activeKeyId;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Sealed with the active service key; null stays null. */
    public String seal(String plain) {
        return plain == null ? null : seal("k-" + activeKeyId, serviceKeys.get(activeKeyId), plain);
    }

    /** Sealed with one person's data key; null stays null. */
    public static String sealForSubject(String subjectId, byte[] dataKey, String plain) {
        return plain == null ? null : seal("s-" + subjectId, dataKey, plain);
    }

    /** The subject whose data key opens this value, if it was sealed for one. */
    public static Optional<String> subjectOf(String value) {
        if (!isSealed(value)) {
            return Optional.empty();
        }
        String keyId = keyId(value);
        return keyId.startsWith("s-") ? Optional.of(keyId.substring(2)) : Optional.empty();
    }

    /**
     * Opens a value sealed with a service key, or for a subject whose key {@code subjectKeys} knows; a value that was
     * never sealed (older producers) comes back as it is.
     *
     * @throws UnreadableFieldException when the key is unknown or gone (erased), or the value was tampered with
     */
    public String open(String value, SubjectKeys subjectKeys) {
        if (!isSealed(value)) {
            return value;
        }
        String keyId = keyId(value);
        byte[] key;
        if (keyId.startsWith("k-")) {
            key = serviceKeys.get(keyId.substring(2));
        } else if (keyId.startsWith("s-")) {
            key = subjectKeys.dataKey(keyId.substring(2)).orElse(null);
        } else {
            key = null;
        }
        if (key == null) {
            throw new UnreadableFieldException("no key " + keyId + " to open a sealed field");
        }
        byte[] sealed = Base64.getUrlDecoder().decode(value.substring(PREFIX.length() + keyId.length() + 1));
        try {
            Cipher cipher = takeCipher();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            IDLE_CIPHERS.offer(cipher);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UnreadableFieldException("a sealed field did not open with key " + keyId);
        }
    }

    /** A fresh random data key for one person. */
    public static byte[] newDataKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static String keyId(String value) {
        int end = value.indexOf(':', PREFIX.length());
        if (end < 0) {
            throw new UnreadableFieldException("a sealed field without a key id");
        }
        return value.substring(PREFIX.length(), end);
    }

    private static Cipher takeCipher() throws GeneralSecurityException {
        Cipher idle = IDLE_CIPHERS.poll();
        return idle != null ? idle : Cipher.getInstance("AES/GCM/NoPadding");
    }

    private static String seal(String keyId, byte[] key, String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = takeCipher();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] ciphertext = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            IDLE_CIPHERS.offer(cipher);
            byte[] out = ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
            return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Where the data keys of persons are found. */
    @FunctionalInterface
    public interface SubjectKeys {
        /** The person's data key, or empty when it never arrived or was destroyed by an erasure. */
        Optional<byte[]> dataKey(String subjectId);
    }

    /** A sealed field that cannot be opened here: unknown key, erased person, or tampering. */
    public static final class UnreadableFieldException extends RuntimeException {
        public UnreadableFieldException(String message) {
            super(message);
        }
    }
}
