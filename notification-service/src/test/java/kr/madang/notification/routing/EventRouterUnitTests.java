package kr.madang.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import kr.madang.events.Language;
import kr.madang.events.agreement.AgreementCirculated;
import kr.madang.events.agreement.PartyDeclined;
import kr.madang.notification.TestEvents;
import org.junit.jupiter.api.Test;

class EventRouterUnitTests {

    private final EventRouter router = new EventRouter("secretariat@madang.test", "ko");
    private final AttendeeDirectory nobody = forumEventId -> List.of();

    @Test
    void eachPartyWithAContactGetsItsOwnSigningLinkInItsLanguage() {
        String agreementId = UUID.randomUUID().toString();
        AgreementCirculated event = AgreementCirculated.newBuilder()
                .setHeader(TestEvents.header(agreementId, "agreement-service"))
                .setAgreement(TestEvents.agreement(agreementId))
                .setRecipients(TestEvents.parties("t"))
                .setStep(1)
                .build();

        List<Notice> notices = router.route(event, nobody);

        assertThat(notices).extracting(n -> n.recipient().key()).containsExactly("p1-t", "p2-t");
        assertThat(notices.get(0).values().get("signingUrl")).endsWith("/sign/p1-t");
        assertThat(notices.get(1).values().get("signingUrl")).endsWith("/sign/p2-t");
        assertThat(notices).extracting(n -> n.recipient().language()).containsExactly("ko", "en");
        assertThat(notices).allSatisfy(n -> assertThat(n.agreementId()).isEqualTo(agreementId));
    }

    @Test
    void anAttendeesMessageNamesTheRegionInTheirLanguageNotByItsCode() {
        String forumEventId = UUID.randomUUID().toString();
        assertThat(EventRouter.attendeeValues("r-1", TestEvents.jeju(forumEventId), "김민지", null, "ko").get("region"))
                .isEqualTo("제주");
        assertThat(EventRouter.attendeeValues("r-1", TestEvents.jeju(forumEventId), "Ana Silva", null, "en").get("region"))
                .isEqualTo("Jeju");
        assertThat(Formats.region("ATLANTIS", "en")).as("an unknown code as it is").isEqualTo("ATLANTIS");
    }

    @Test
    void aDeclineAlsoAlertsTheSecretariat() {
        String agreementId = UUID.randomUUID().toString();
        var parties = TestEvents.parties("d");
        PartyDeclined event = PartyDeclined.newBuilder()
                .setHeader(TestEvents.header(agreementId, "agreement-service"))
                .setAgreement(TestEvents.agreement(agreementId))
                .setParty(parties.get(1)).setReason("Article 3").setParties(parties).build();

        List<Notice> notices = router.route(event, nobody);

        assertThat(notices).extracting(Notice::templateCode)
                .containsExactly("party-declined", "party-declined", "secretariat-party-declined");
        assertThat(notices.getLast().recipient().email()).isEqualTo("secretariat@madang.test");
        assertThat(notices.getLast().values()).containsEntry("declinedInstitution", "Korea IT Service Society");
    }

    @Test
    void anEnglishAttendeeSeesTheEnglishTitleAndEnglishDates() {
        var event = TestEvents.confirmed("f", UUID.randomUUID().toString(),
                TestEvents.contact("Maria", "m@example.kr", "+821012345678", Language.EN));
        Notice notice = router.route(event, nobody).getFirst();
        assertThat(notice.values()).containsEntry("forumTitle", "1st Digital Regional Innovation Forum")
                .containsEntry("startsAt", "Mon 6 Feb 2023, 13:00 KST");
    }
}
