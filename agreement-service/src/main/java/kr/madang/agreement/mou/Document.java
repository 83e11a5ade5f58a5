package kr.madang.agreement.mou;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The document of one version: its text, or an uploaded PDF (whose bytes are stored beside the agreement), with the
 * SHA-256 every signature of that version refers to.
 */
public record Document(Kind kind, String text, String fileName, long sizeBytes, String sha256) {

    public enum Kind { TEXT, PDF }

    public static Document text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Document(Kind.TEXT, text, null, bytes.length, sha256(bytes));
    }

    public static Document pdf(String fileName, byte[] bytes) {
        return new Document(Kind.PDF, null, fileName, bytes.length, sha256(bytes));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
