package kr.madang.registration.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the CSV files regional offices upload. Korean Excel saves "CSV" as CP949 (a superset of EUC-KR), newer
 * versions offer UTF-8 with a byte-order mark: the encoding is taken from a BOM, else from a charset the client
 * declared, else UTF-8 if the bytes are valid UTF-8, else CP949. Parsing follows RFC 4180 (quoted cells may hold
 * commas, quotes and line breaks); a tab-separated file (Excel's "Unicode text") is recognised by its header.
 */
public final class CsvText {

    public static final Charset CP949 = Charset.forName("x-windows-949");

    public record Decoded(String text, Charset charset) {
    }

    private CsvText() {
    }

    public static Decoded decode(byte[] bytes, Charset declared) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (declared != null) {
            return new Decoded(strict(bytes, 0, declared), declared);
        }
        try {
            return new Decoded(decodeStrictly(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(strict(bytes, 0, CP949), CP949);
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return decodeStrictly(bytes, offset, charset);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not valid " + charset.displayName() + " text");
        }
    }

    private static String decodeStrictly(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
        return chars.toString();
    }

    /** Rows of cells; each row remembers the line it starts on (for the report). */
    public record Row(int line, List<String> cells) {
        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    public static List<Row> parse(String text) {
        int firstBreak = text.indexOf('\n');
        String header = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char delimiter = header.indexOf('\t') >= 0 && header.indexOf(',') < 0 ? '\t' : ',';
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // CR of CRLF: the LF ends the row
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(rowStart, List.copyOf(cells)));
                cells.clear();
                line++;
                rowStart = line;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowStart, List.copyOf(cells)));
        }
        return rows;
    }
}
