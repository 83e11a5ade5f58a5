package kr.madang.registration.badges;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import io.nayuki.qrcodegen.QrCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays badges out on A4 sheets as a print-ready PDF: per badge a colour band naming the attendee type, the name
 * (bold, shrunk to fit), organisation and title, the event's title, and the check-in QR code with the ticket's short
 * code under it. Text is set in NanumGothic (OFL-1.1, vendored under {@code fonts/nanum}), embedded as a subset so
 * the file prints the same anywhere and stays small.
 */
public final class BadgeSheet {

    private static final float PT_PER_MM = 72f / 25.4f;
    private static final byte[] REGULAR = font("NanumGothic.ttf");
    private static final byte[] BOLD = font("NanumGothicBold.ttf");

    private BadgeSheet() {
    }

    /** The PDF of these badges in this order, {@code format.perPage()} to a page; an empty list gives one blank page. */
    public static byte[] render(String eventTitle, List<Badge> badges, BadgeFormat format) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(eventTitle);
            info.setCreator("Madang");
            document.setDocumentInformation(info);
            Fonts fonts = new Fonts(PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true),
                    PDType0Font.load(document, new ByteArrayInputStream(BOLD), true));
            int pages = Math.max(1, (badges.size() + format.perPage() - 1) / format.perPage());
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(new PDRectangle(mm(BadgeFormat.A4_WIDTH_MM), mm(BadgeFormat.A4_HEIGHT_MM)));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (format.cutLines()) {
                        cutLines(content, format);
                    }
                    for (int i = 0; i < format.perPage(); i++) {
                        int index = p * format.perPage() + i;
                        if (index >= badges.size()) {
                            break;
                        }
                        float left = mm(format.leftMarginMm() + (i % format.columns()) * format.cellWidthMm());
                        float top = mm(BadgeFormat.A4_HEIGHT_MM - format.topMarginMm()
                                - (i / format.columns()) * format.cellHeightMm());
                        badge(content, fonts, eventTitle, badges.get(index), left, top, mm(format.cellWidthMm()),
                                mm(format.cellHeightMm()));
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold) {
    }

    private static void badge(PDPageContentStream content, Fonts fonts, String eventTitle, Badge badge, float left,
                              float top, float width, float height) throws IOException {
        float margin = mm(4);
        BadgeBand band = BadgeBand.of(badge.type());

        // the colour band across the top, the type named in it
        float bandHeight = height * 0.16f;
        content.setNonStrokingColor(rgb(band.rgb()));
        content.addRect(left, top - bandHeight, width, bandHeight);
        content.fill();
        content.setNonStrokingColor(1f, 1f, 1f);
        String label = printable(fonts.bold(), band.label());
        float labelSize = fit(fonts.bold(), label, width - 2 * margin, bandHeight * 0.5f, 5f);
        centred(content, fonts.bold(), labelSize, label, left, width, top - bandHeight / 2 - labelSize * 0.35f);

        // the QR code on the right, the short code under it
        float qrSide = Math.min(height * 0.48f, width * 0.32f);
        float qrLeft = left + width - margin - qrSide;
        float qrBottom = top - bandHeight - mm(3) - qrSide;
        if (badge.checkInCode() != null) {
            qr(content, badge.checkInCode(), qrLeft, qrBottom, qrSide);
        }
        content.setNonStrokingColor(0f, 0f, 0f);
        if (badge.shortCode() != null) {
            String code = printable(fonts.bold(), badge.shortCode());
            float codeSize = fit(fonts.bold(), code, qrSide, 9f, 5f);
            centred(content, fonts.bold(), codeSize, code, qrLeft, qrSide, qrBottom - codeSize - mm(1));
        }

        // name, organisation and title on the left
        float textLeft = left + margin;
        float textWidth = qrLeft - mm(3) - textLeft;
        float y = top - bandHeight - mm(4);
        String name = printable(fonts.bold(), badge.name());
        float nameSize = fit(fonts.bold(), name, textWidth, height * 0.17f, 9f);
        y -= nameSize;
        y = lines(content, fonts.bold(), nameSize, name, textLeft, textWidth, y, 2);
        float detailSize = Math.min(11f, height * 0.06f);
        if (badge.organisation() != null && !badge.organisation().isBlank()) {
            y -= mm(2.5f) + detailSize;
            y = lines(content, fonts.regular(), detailSize, printable(fonts.regular(), badge.organisation()), textLeft,
                    textWidth, y, 2);
        }
        if (badge.jobTitle() != null && !badge.jobTitle().isBlank()) {
            y -= mm(1.2f) + detailSize;
            lines(content, fonts.regular(), detailSize, printable(fonts.regular(), badge.jobTitle()), textLeft,
                    textWidth, y, 2);
        }

        // the event, small, along the bottom
        content.setNonStrokingColor(0.35f, 0.35f, 0.35f);
        String event = printable(fonts.regular(), eventTitle);
        float eventSize = 6.5f;
        content.beginText();
        content.setFont(fonts.regular(), eventSize);
        content.newLineAtOffset(textLeft, top - height + mm(3));
        content.showText(ellipsised(fonts.regular(), eventSize, event, width - 2 * margin));
        content.endText();
        content.setNonStrokingColor(0f, 0f, 0f);
    }

    /**
     * Shows text from the baseline {@code y} down, wrapped at spaces into at most {@code max} lines (the last one
     * ellipsised); returns the baseline of the last line shown.
     */
    private static float lines(PDPageContentStream content, PDFont font, float size, String text, float left,
                               float width, float y, int max) throws IOException {
        List<String> lines = wrap(font, size, text, width, max);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                y -= size * 1.2f;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(left, y);
            content.showText(lines.get(i));
            content.endText();
        }
        return y;
    }

    static List<String> wrap(PDFont font, float size, String text, float width, int max) throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && lines.size() < max - 1 && width(font, size, rest) > width) {
            int cut = -1;
            for (int space = rest.indexOf(' '); space > 0; space = rest.indexOf(' ', space + 1)) {
                if (width(font, size, rest.substring(0, space)) <= width) {
                    cut = space;
                } else {
                    break;
                }
            }
            if (cut < 0) {
                break;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1).strip();
        }
        if (!rest.isEmpty()) {
            lines.add(ellipsised(font, size, rest, width));
        }
        return lines;
    }

    private static String ellipsised(PDFont font, float size, String text, float width) throws IOException {
        if (width(font, size, text) <= width) {
            return text;
        }
        int[] points = text.codePoints().toArray();
        for (int n = points.length - 1; n > 0; n--) {
            String shorter = new String(points, 0, n).strip() + "...";
            if (width(font, size, shorter) <= width) {
                return shorter;
            }
        }
        return "...";
    }

    /** The largest size from {@code preferred} down to {@code min} at which the text fits on one line. */
    private static float fit(PDFont font, String text, float width, float preferred, float min) throws IOException {
        float size = preferred;
        while (size > min && width(font, size, text) > width) {
            size -= 0.5f;
        }
        return Math.max(size, min);
    }

    private static void centred(PDPageContentStream content, PDFont font, float size, String text, float left,
                                float width, float baseline) throws IOException {
        String shown = ellipsised(font, size, text, width);
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(left + (width - width(font, size, shown)) / 2, baseline);
        content.showText(shown);
        content.endText();
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /**
     * The text as NFC with every character the font cannot draw replaced by a question mark, so an unusual character
     * in a name never fails the whole print run (and never prints as an empty box).
     */
    static String printable(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(c -> {
            String one = new String(Character.toChars(c));
            try {
                font.encode(one);
                out.append(one);
            } catch (IOException | IllegalArgumentException missing) {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** The check-in code as vector modules (crisp at any printer resolution), with its 4-module quiet zone inside. */
    private static void qr(PDPageContentStream content, String text, float left, float bottom, float side)
            throws IOException {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        float module = side / (qr.size + 2 * border);
        content.setNonStrokingColor(1f, 1f, 1f);
        content.addRect(left, bottom, side, side);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    content.addRect(left + (x + border) * module, bottom + side - (y + border + 1) * module, module,
                            module);
                }
            }
        }
        content.fill();
    }

    /** The grid of cells, outer edges included, as thin dashed grey lines to cut along. */
    private static void cutLines(PDPageContentStream content, BadgeFormat format) throws IOException {
        content.setStrokingColor(0.7f, 0.7f, 0.7f);
        content.setLineWidth(0.3f);
        content.setLineDashPattern(new float[]{3f, 3f}, 0f);
        float left = mm(format.leftMarginMm());
        float right = mm(format.leftMarginMm() + format.columns() * format.cellWidthMm());
        float top = mm(BadgeFormat.A4_HEIGHT_MM - format.topMarginMm());
        float bottom = mm(BadgeFormat.A4_HEIGHT_MM - format.topMarginMm() - format.rows() * format.cellHeightMm());
        for (int c = 0; c <= format.columns(); c++) {
            float x = mm(format.leftMarginMm() + c * format.cellWidthMm());
            content.moveTo(x, bottom);
            content.lineTo(x, top);
        }
        for (int r = 0; r <= format.rows(); r++) {
            float y = mm(BadgeFormat.A4_HEIGHT_MM - format.topMarginMm() - r * format.cellHeightMm());
            content.moveTo(left, y);
            content.lineTo(right, y);
        }
        content.stroke();
        content.setLineDashPattern(new float[0], 0f);
    }

    private static java.awt.Color rgb(int rgb) {
        return new java.awt.Color(rgb);
    }

    private static float mm(float millimetres) {
        return millimetres * PT_PER_MM;
    }

    private static byte[] font(String file) {
        try (InputStream in = BadgeSheet.class.getResourceAsStream("/fonts/nanum/" + file)) {
            if (in == null) {
                throw new IllegalStateException("fonts/nanum/" + file + " is missing from the resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
