package kr.madang.notification.alimtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kr.madang.notification.template.Template;
import kr.madang.notification.template.TemplateCatalog;
import kr.madang.notification.template.TemplateRules;
import org.junit.jupiter.api.Test;

/** The vendor's limits at save and the numbers AlimTalk can reach. */
class AlimTalkRulesUnitTests {

    private static final Template.Button TICKET = new Template.Button("티켓 보기", "{{ticketUrl}}");

    @Test
    void aThousandCharactersWithTheDeclaredMaximaPassAndOneMoreIsRefused() {
        var spec = TemplateCatalog.get("registration-confirmed");
        var approved = new Template.AlimTalk("MDG_01", List.of(TICKET), true);
        // 700 + name (100) + forumTitle (200) = 1,000
        assertThat(TemplateRules.checkAlimTalk(spec, "가".repeat(700) + "{{name}}{{forumTitle}}", approved)).isEmpty();
        assertThat(TemplateRules.checkAlimTalk(spec, "가".repeat(701) + "{{name}}{{forumTitle}}", approved))
                .extracting(TemplateRules.Violation::field).containsExactly("body");
    }

    @Test
    void fiveButtonsPassSixAreRefusedAndEachButtonNeedsANameAndALink() {
        var spec = TemplateCatalog.get("registration-confirmed");
        assertThat(TemplateRules.checkAlimTalk(spec, "본문", new Template.AlimTalk("MDG_01",
                List.of(TICKET, TICKET, TICKET, TICKET, TICKET), true))).isEmpty();
        assertThat(TemplateRules.checkAlimTalk(spec, "본문", new Template.AlimTalk("MDG_01",
                List.of(TICKET, TICKET, TICKET, TICKET, TICKET, TICKET), true)))
                .extracting(TemplateRules.Violation::field).containsExactly("buttons");
        assertThat(TemplateRules.checkAlimTalk(spec, "본문", new Template.AlimTalk("MDG_01",
                List.of(new Template.Button(" ", "ftp://x")), true)))
                .extracting(TemplateRules.Violation::field).containsExactly("buttons[0].name", "buttons[0].link");
        assertThat(TemplateRules.checkAlimTalk(spec, "본문", new Template.AlimTalk(null, List.of(), true)))
                .extracting(TemplateRules.Violation::field).containsExactly("alimtalkTemplateCode");
    }

    @Test
    void koreanMobilesAreSentInDomesticFormAndOtherNumbersHaveNoAlimTalk() {
        assertThat(AlimTalkGateway.domesticMobile("+821055550001")).isEqualTo("01055550001");
        assertThat(AlimTalkGateway.domesticMobile("010-5555-0001")).isEqualTo("01055550001");
        assertThat(AlimTalkGateway.domesticMobile("+66812345678")).isNull();
        assertThat(AlimTalkGateway.domesticMobile("0215880000")).isNull();
        assertThat(AlimTalkGateway.domesticMobile(null)).isNull();
    }
}
