package kr.madang.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kr.madang.registration.attendee.AttendeeType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF itself: layout per format, Hangul through the embedded subset font, and what a badge shows. */
class BadgeSheetUnitTests {

    static final String EVENT = "제1회 디지털지역혁신포럼";

    static List<Badge> jejuBadges() {
        String[][] people = {
                {"김민지", "제주특별자치도", "주무관", "GENERAL"},
                {"박서준", "한국지방행정연구원", "연구위원", "SPEAKER"},
                {"이서연", "행정안전부", "차관", "VIP"},
                {"최도윤", "전자신문", "기자", "PRESS"},
                {"Maria Lopez", "Ministry of Interior, El Salvador", "Director of Digital Government", "INTERNATIONAL_DELEGATE"},
                {"정하은", "제주대학교", "교수", "SPEAKER"},
                {"강지후", "제주관광공사", "팀장", "GENERAL"},
                {"윤수아", "서귀포시청", "주무관", "GENERAL"},
                {"임건우", "한국IT서비스학회", "회장", "VIP"},
        };
        List<Badge> badges = new ArrayList<>();
        for (String[] p : people) {
            badges.add(new Badge(UUID.randomUUID(), p[0], p[1], p[2], AttendeeType.valueOf(p[3]),
                    "v1.CHECK_IN." + UUID.randomUUID() + ".signature-of-the-code", null));
        }
        return badges;
    }

    @Test
    void everyBadgeIsOnTheSheetOnceInItsOwnWordsWithTheFontEmbeddedAsASubset() throws IOException {
        List<Badge> badges = jejuBadges();
        for (BadgeFormat format : BadgeFormat.values()) {
            byte[] pdf = BadgeSheet.render(EVENT, badges, format);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).as(format.name())
                        .isEqualTo((badges.size() + format.perPage() - 1) / format.perPage());
                String text = text(document);
                for (Badge badge : badges) {
                    assertThat(occurrences(text, badge.name())).as(badge.name() + " on " + format).isEqualTo(1);
                    assertThat(text).contains(badge.jobTitle());
                }
                assertThat(text).contains("제주특별자치도", "연사 · SPEAKER", "귀빈 · VIP / OFFICIAL", "언론 · PRESS",
                        "해외 대표단 · INTERNATIONAL DELEGATE", "참가자 · PARTICIPANT", EVENT)
                        .doesNotContain("?");
                List<PDFont> fonts = fonts(document);
                assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    assertThat(font.getName()).as("a subset carries a tag").matches("[A-Z]{6}\\+NanumGothic.*");
                });
            }
            // two 4.6 MB fonts, of which only the glyphs used travel
            assertThat(pdf.length).as(format.name()).isLessThan(400_000);
        }
    }

    @Test
    void theShortCodeIsPrintedWhenTheTicketHasOneAndACharacterTheFontLacksBecomesAQuestionMark() throws IOException {
        Badge withCode = new Badge(UUID.randomUUID(), "오지민 \uD83D\uDE00", "제주특별자치도", null, AttendeeType.GENERAL,
                "v1.CHECK_IN.x", "K7QX2M9P");
        try (PDDocument document = Loader.loadPDF(BadgeSheet.render(EVENT, List.of(withCode), BadgeFormat.LABEL_99X57))) {
            String text = text(document);
            assertThat(text).contains("K7QX2M9P", "오지민 ?");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void aLongOrganisationWrapsOntoASecondLineInsteadOfLeavingTheBadge() throws IOException {
        try (PDDocument document = new PDDocument()) {
            var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(document,
                    BadgeSheetUnitTests.class.getResourceAsStream("/fonts/nanum/NanumGothic.ttf"));
            String organisation = "Ministry of the Interior and Safety of the Republic of Korea";
            assertThat(BadgeSheet.wrap(font, 11f, organisation, 400f, 2)).containsExactly(organisation);
            List<String> lines = BadgeSheet.wrap(font, 11f, organisation, 110f, 2);
            assertThat(lines).hasSize(2);
            assertThat(lines.getFirst()).startsWith("Ministry of");
            assertThat(lines.get(1)).endsWith("...");
        }
    }

    static String text(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        // lines joined by one space: a title wrapped onto two lines reads as it was typed
        return stripper.getText(document).replaceAll("\\s+", " ");
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
