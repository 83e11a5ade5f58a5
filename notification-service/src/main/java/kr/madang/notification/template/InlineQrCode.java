package kr.madang.notification.template;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;

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
        String size = String.valueOf(imageSize(QrCode.encodeText(checkInCode, QrCode.Ecc.MEDIUM)));
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
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = imageSize(qr);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = x / MODULE_PIXELS - BORDER_MODULES;
                int my = y / MODULE_PIXELS - BORDER_MODULES;
                image.setRGB(x, y, qr.getModule(mx, my) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int imageSize(QrCode qr) {
        return (qr.size + BORDER_MODULES * 2) * MODULE_PIXELS;
    }
}
