package kr.madang.registration.attendee;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Registrations as a CSV file Korean Excel opens correctly: UTF-8 with a byte-order mark (without it Excel reads
 * Hangul as CP949 garbage), CRLF line ends, and every cell that Excel would take for a formula (= + - @, tab, CR)
 * neutralised with a leading apostrophe, so a name like {@code =HYPERLINK(...)} stays text.
 */
public final class CsvExport {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Korean headers, which the import also reads, so an export can be edited and imported elsewhere. */
    static final List<String> HEADER = List.of("등록번호", "상태", "대기순번", "이름", "이메일", "휴대전화", "소속", "직위",
            "구분", "언어", "휠체어", "접근성 요청", "식이 요청", "체크인", "등록일시");

    private CsvExport() {
    }

    /**
     * {@code label}: a message key ({@code registration.status.CONFIRMED}, {@code registration.type.GENERAL}) in the
     * file's language, Korean like its headers; the import reads those words back (issue 16 item 5: no enum names).
     */
    public static byte[] write(List<RegistrationView> rows, java.util.function.UnaryOperator<String> label) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (RegistrationView r : rows) {
            line(csv, List.of(r.id().toString(), label.apply("registration.status." + r.status().name()),
                    r.waitlistPosition() == null ? "" : r.waitlistPosition().toString(), nz(r.name()), nz(r.email()),
                    r.phone() == null ? "" : PhoneNumbers.forDisplay(r.phone()), nz(r.organisation()), nz(r.jobTitle()),
                    label.apply("registration.type." + r.attendeeType().name()), r.language(),
                    r.accessibility() != null && r.accessibility().wheelchair() ? "Y" : "",
                    r.accessibility() == null ? "" : nz(r.accessibility().notes()), nz(r.dietaryNeeds()),
                    r.checkIns() == null ? "" : r.checkIns().stream().map(c -> c.day().toString())
                            .collect(Collectors.joining(" ")),
                    r.createdAt().toString()));
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String v = neutralise(value);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    static String neutralise(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
