package kr.madang.registration.ticket;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The short human check-in code: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V), so door
 * staff can read it off a phone and type it. 30 symbols, 8 places: about 6.6 × 10¹¹ codes per event. Shown as
 * {@code ABCD-EFGH}; typed in any case, with spaces or hyphens anywhere.
 */
public final class ShortCodes {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 8;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private ShortCodes() {
    }

    public static String random() {
        return random(RANDOM);
    }

    static String random(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * A code derived from a secret-bearing seed (a signed token): the same seed always gives the same code, and
     * nobody without the secret can predict it. For tickets that must look real without being stored.
     */
    public static String derived(String seed) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
            }
            return code.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form of what someone typed, or empty when it cannot be a short code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s\\-‐‑–—]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    /** How the code is shown: two groups of four. */
    public static String display(String code) {
        return code == null ? null : code.substring(0, 4) + "-" + code.substring(4);
    }
}
