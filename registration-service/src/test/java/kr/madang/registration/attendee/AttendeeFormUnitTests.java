package kr.madang.registration.attendee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import kr.madang.registration.rules.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AttendeeFormUnitTests {

    static AttendeeForm form(String name, String email, String phone) {
        return new AttendeeForm(name, email, phone, "제주특별자치도", "주무관", null, "ko", null, false, false, false, null,
                null, true, "2023-01");
    }

    @ParameterizedTest
    @CsvSource({
            "010-1234-5678, +821012345678",
            "01012345678, +821012345678",
            "+82 10 1234 5678, +821012345678",
            "+66 81 234 5678, +66812345678",
            "+503 7012 3456, +50370123456",
            "+976 8811 2233, +97688112233"})
    void phonesAreNormalisedToE164(String typed, String e164) {
        assertThat(PhoneNumbers.toE164(typed)).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource({"12345", "064-710-2114", "010-1234", "phone", "+1 555"})
    void badOrNonMobileKoreanPhonesAreRefused(String typed) {
        assertThatThrownBy(() -> PhoneNumbers.toE164(typed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValidAttendeeIsNormalised() {
        var ok = (AttendeeForm.Ok) form("  김민지 ", "MinJi@Jeju.go.kr", "010-1234-5678").check();
        assertThat(ok.attendee().name()).isEqualTo("김민지");
        assertThat(ok.attendee().email()).isEqualTo("MinJi@Jeju.go.kr");
        assertThat(ok.attendee().emailKey()).isEqualTo("minji@jeju.go.kr");
        assertThat(ok.attendee().attendeeType()).isEqualTo(AttendeeType.GENERAL);
        assertThat(ok.attendee().language()).isEqualTo(Language.KO);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "José García-López | true",
            "O'Brien Jr. | true",
            "남궁 민수 | true",
            "Robert'); DROP TABLE registration;-- | false",
            "<b>김민지</b> | false",
            "Иван Петров | false",
            "12345 | false"})
    void namesAreHangulOrLatin(String name, boolean valid) {
        assertThat(form(name, "a@example.kr", null).check() instanceof AttendeeForm.Ok).isEqualTo(valid);
    }

    @Test
    void everyFaultIsNamed() {
        var invalid = (AttendeeForm.Invalid) new AttendeeForm("가".repeat(101), "not-an-email", "123", "<script>", null,
                null, "fr", null, false, false, false, null, null, false, null).check();
        assertThat(invalid.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("name", "email", "phone",
                "organisation", "language", "consent.accepted", "consent.policyVersion");
    }

    @Test
    void plainTextRefusesMarkupAndControlCharactersButAllowsNewlinesWhereMultiline() {
        assertThat(PlainText.problem("제주연구원, 정책실", false)).isNull();
        assertThat(PlainText.problem("a<b", false)).isNotNull();
        assertThat(PlainText.problem("line\nbreak", false)).isNotNull();
        assertThat(PlainText.problem("line\nbreak", true)).isNull();
        assertThat(PlainText.problem("nul\u0000", true)).isNotNull();
        assertThat(PlainText.problem("😀", false)).isNull();
        assertThat(PlainText.problem("\uD800x", false)).isNotNull();
    }

    @Test
    void exportCellsThatLookLikeFormulasAreNeutralised() {
        assertThat(List.of("=HYPERLINK(\"x\")", "+82", "-1", "@SUM(A1)", "\tx").stream().map(CsvExport::neutralise))
                .allMatch(v -> v.startsWith("'"));
        assertThat(CsvExport.neutralise("김민지")).isEqualTo("김민지");
        assertThat(CsvExport.cell("제주연구원, \"정책실\"")).isEqualTo("\"제주연구원, \"\"정책실\"\"\"");
        assertThat(CsvExport.cell("=1+1,2")).isEqualTo("\"'=1+1,2\"");
    }
}
