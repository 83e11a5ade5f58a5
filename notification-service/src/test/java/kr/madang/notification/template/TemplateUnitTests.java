package kr.madang.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateUnitTests {

    @Test
    void eucKrCountsHangulAsTwoBytesAndAsciiAsOne() {
        assertThat(SmsLength.eucKrBytes("abc")).isEqualTo(3);
        assertThat(SmsLength.eucKrBytes("디지털")).isEqualTo(6);
        assertThat(SmsLength.eucKrBytes("[디지털] 1")).isEqualTo(10);
    }

    @Test
    void ninetyBytesIsAnSmsNinetyOneAnLmsAndOverTwoThousandCannotBeSent() {
        assertThat(SmsLength.kindOf("가".repeat(45))).isEqualTo(SmsLength.Kind.SMS);
        assertThat(SmsLength.kindOf("가".repeat(45) + "a")).isEqualTo(SmsLength.Kind.LMS);
        assertThat(SmsLength.kindOf("가".repeat(1000))).isEqualTo(SmsLength.Kind.LMS);
        assertThatThrownBy(() -> SmsLength.kindOf("가".repeat(1000) + "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placeholdersAreFilledAndTheHtmlPartEscapesEverything() {
        String text = TemplateRenderer.fill("{{name}}님, {{ forumTitle }} 안내", Map.of("name", "<b>김</b>", "forumTitle", "A&B"));
        assertThat(text).isEqualTo("<b>김</b>님, A&B 안내");
        String html = TemplateRenderer.html("제목", text + "\n\nhttps://x.kr/a?b=1&c=2", "ko", null);
        assertThat(html).contains("&lt;b&gt;김&lt;/b&gt;님, A&amp;B 안내")
                .contains("<a href=\"https://x.kr/a?b=1&amp;c=2\">")
                .doesNotContain("<b>김");
    }

    @Test
    void nonEssentialMailCarriesAnUnsubscribeLinkInBothParts() {
        assertThat(TemplateRenderer.text("본문", "ko", "https://u")).endsWith("이 알림 수신 거부: https://u");
        assertThat(TemplateRenderer.html("s", "body", "en", "https://u")).contains("Stop receiving these messages");
    }

    @Test
    void unknownPlaceholdersAreRefusedNamingTheField() {
        TemplateSpec spec = TemplateCatalog.get("registration-confirmed");
        var violations = TemplateRules.check(spec, Channel.EMAIL, "{{name}} 확정", "{{name}} {{seatNumber}}");
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.message()).contains("{{seatNumber}}");
        });
        assertThat(TemplateRules.check(spec, Channel.EMAIL, "{{nope}}", "{{name}}"))
                .extracting(TemplateRules.Violation::field).containsExactly("subject");
        assertThat(TemplateRules.check(spec, Channel.EMAIL, null, "{{name}}"))
                .extracting(TemplateRules.Violation::field).containsExactly("subject");
    }

    @Test
    void anSmsOverTwoThousandEucKrBytesIsRefusedAtSaveTime() {
        TemplateSpec spec = TemplateCatalog.get("registration-confirmed");
        assertThat(TemplateRules.check(spec, Channel.SMS, null, "가".repeat(1000))).isEmpty();
        assertThat(TemplateRules.check(spec, Channel.SMS, null, "가".repeat(1000) + "a"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("2001 EUC-KR bytes"));
        // measured with sample values: a placeholder's expansion counts
        assertThat(TemplateRules.check(spec, Channel.SMS, null, "가".repeat(998) + "{{name}}")).isNotEmpty();
    }

    @Test
    void aChannelTheCodeIsNotSentOnIsRefused() {
        assertThat(TemplateRules.check(TemplateCatalog.get("agreement-drafted"), Channel.SMS, null, "x"))
                .extracting(TemplateRules.Violation::field).containsExactly("channel");
    }
}
