package kr.madang.notification.template;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;

/**
 * The check-in QR code inside the email itself (issue 16): the rendered HTML gets an {@code <img src="cid:…">}
 * that carries the code in a data attribute; at send time the attribute is taken out and the code drawn as a PNG
 * part of the multipart/related body with that Content-ID. PNG because mail clients do not show SVG.
 */
public final class InlineQrCode {

    public static final String CONTENT_ID = "ticket-qr@madang";

    private static final Pattern MARKER = Pattern.compile(" data-madang-qr=\"([A-Za-z0-9._-]{1,200})\"");
    private static final int MODULE_PIXELS = 6;
    private static final int BORDER_MODULES = 4;
    /**
     * One mask for every code. Choosing the best of the eight (the library's default) scores all eight symbols and
     * was a fifth of the notification service's CPU per confirmation (issue 15); any mask gives a valid code, the
     * score only avoids patterns that can slow a poor scanner, and the codes here are short and drawn large.
     */
    private static final int MASK = 0;
    /**
     * Image sizes by the shape of the text's segments (mode and length of each): the symbol's version, hence its size,
     * depends on nothing else. Rendering needs only the size; encoding the whole symbol for it was a quarter of the
     * QR code's cost, and the code is encoded again when the email is sent (issue 15). At most a few hundred shapes.
     */
    private static final Map<String, Integer> SIZE_BY_SHAPE = new ConcurrentHashMap<>();

    /** The HTML part to send and the image it refers to (null when it has no QR code). */
    public record Inline(String html, byte[] png) {
    }

    private InlineQrCode() {
    }

    /** The rendered HTML with the QR image placed before its closing body tag; unchanged without a code. */
    public static String embed(String html, String checkInCode, String language) {
        if (html == null || checkInCode == null || checkInCode.isBlank()
                || !checkInCode.matches("[A-Za-z0-9._-]{1,200}") || !html.contains("</body>")) {
            return html;
        }
        String alt = "en".equals(language) ? "Your check-in QR code" : "입장 QR 코드";
        String size = String.valueOf(imageSize(checkInCode));
        String image = "<p><img src=\"cid:" + CONTENT_ID + "\" alt=\"" + alt + "\" width=\"" + size + "\" height=\""
                + size + "\" data-madang-qr=\"" + checkInCode + "\"></p>\n";
        int end = html.lastIndexOf("</body>");
        return html.substring(0, end) + image + html.substring(end);
    }

    /** What to send: the HTML without the marker attribute, and the drawn code. */
    public static Inline forSending(String html) {
        if (html == null) {
            return new Inline(null, null);
        }
        Matcher m = MARKER.matcher(html);
        if (!m.find()) {
            return new Inline(html, null);
        }
        byte[] png = png(m.group(1));
        return new Inline(html.substring(0, m.start()) + html.substring(m.end()), png);
    }

    static byte[] png(String text) {
        QrCode qr = symbol(text);
        int size = imageSize(qr);
        // 1 bit per pixel, 1 = white (PNG greyscale), each row led by its filter byte (0: none), padded to whole bytes
        int rowBytes = 1 + (size + 7) / 8;
        byte[] scanlines = new byte[rowBytes * size];
        byte[] row = new byte[rowBytes];
        for (int moduleY = -BORDER_MODULES; moduleY < qr.size + BORDER_MODULES; moduleY++) {
            Arrays.fill(row, (byte) 0);
            for (int x = 0; x < size; x++) {
                if (!qr.getModule(x / MODULE_PIXELS - BORDER_MODULES, moduleY)) {
                    row[1 + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
            int firstPixelRow = (moduleY + BORDER_MODULES) * MODULE_PIXELS;
            for (int y = firstPixelRow; y < firstPixelRow + MODULE_PIXELS; y++) {
                System.arraycopy(row, 0, scanlines, y * rowBytes, rowBytes);
            }
        }
        return Png.greyscaleOneBit(size, size, scanlines);
    }

    static QrCode symbol(String text) {
        return QrCode.encodeSegments(QrSegment.makeSegments(text), QrCode.Ecc.MEDIUM, QrCode.MIN_VERSION,
                QrCode.MAX_VERSION, MASK, true);
    }

    /** The PNG's width (and height) for this text, as {@link #png} draws it. */
    static int imageSize(String text) {
        List<QrSegment> segments = QrSegment.makeSegments(text);
        StringBuilder shape = new StringBuilder();
        for (QrSegment segment : segments) {
            shape.append(segment.mode).append(':').append(segment.numChars).append(' ');
        }
        return SIZE_BY_SHAPE.computeIfAbsent(shape.toString(), ignored -> imageSize(symbol(text)));
    }

    private static int imageSize(QrCode qr) {
        return (qr.size + BORDER_MODULES * 2) * MODULE_PIXELS;
    }
}
