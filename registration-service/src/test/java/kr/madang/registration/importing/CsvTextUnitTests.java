package kr.madang.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import kr.madang.registration.attendee.AttendeeType;
import org.junit.jupiter.api.Test;

class CsvTextUnitTests {

    @Test
    void cp949IsDetectedWhenTheBytesAreNotUtf8() {
        byte[] bytes = "이름,이메일\r\n김민지,minji@example.kr\r\n".getBytes(CsvText.CP949);
        CsvText.Decoded decoded = CsvText.decode(bytes, null);
        assertThat(decoded.charset()).isEqualTo(CsvText.CP949);
        assertThat(decoded.text()).startsWith("이름,이메일");
    }

    @Test
    void utf8WithOrWithoutBomAndUtf16AreRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "이름\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(CsvText.decode(withBom, null).text()).isEqualTo("이름\n");
        assertThat(CsvText.decode(body, null).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] utf16 = "\uFEFF이름\t이메일\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(CsvText.decode(utf16, null).text()).isEqualTo("이름\t이메일\n");
    }

    @Test
    void aDeclaredCharsetThatDoesNotFitIsReported() {
        byte[] cp949 = "김민지".getBytes(CsvText.CP949);
        assertThatThrownBy(() -> CsvText.decode(cp949, StandardCharsets.UTF_8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKeepTheirLine() {
        List<CsvText.Row> rows = CsvText.parse("a,b\r\n\"제주연구원, 정책실\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\r\nlast,row");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).cells()).containsExactly("제주연구원, 정책실", "say \"hi\"");
        assertThat(rows.get(2).cells()).containsExactly("two\nlines", "x");
        assertThat(rows.get(3).line()).isEqualTo(5);
        assertThat(CsvText.parse("이름\t이메일\n김민지\tm@example.kr\n").get(1).cells()).containsExactly("김민지", "m@example.kr");
    }

    @Test
    void koreanAndEnglishHeadersAndValuesAreUnderstood() {
        assertThat(ImportColumns.of(" 휴대 전화 ")).contains(ImportColumns.Column.PHONE);
        assertThat(ImportColumns.of("E-mail")).contains(ImportColumns.Column.EMAIL);
        assertThat(ImportColumns.of("개인정보 동의")).contains(ImportColumns.Column.CONSENT);
        assertThat(ImportColumns.attendeeType("귀빈")).isEqualTo(AttendeeType.VIP);
        assertThat(ImportColumns.language("영어")).isEqualTo("en");
        assertThat(ImportColumns.yes("예")).isTrue();
        assertThat(ImportColumns.yes("")).isFalse();
        assertThatThrownBy(() -> ImportColumns.yes("maybe")).isInstanceOf(IllegalArgumentException.class);
    }
}
