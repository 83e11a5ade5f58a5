package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import kr.madang.events.AgreementParty;
import kr.madang.events.Contact;
import kr.madang.events.Language;
import kr.madang.events.agreement.AgreementActivated;
import kr.madang.events.agreement.AgreementAmended;
import kr.madang.events.agreement.AgreementCirculated;
import kr.madang.events.agreement.AgreementDrafted;
import kr.madang.events.agreement.AgreementExecuted;
import kr.madang.events.agreement.AgreementExpired;
import kr.madang.events.agreement.AgreementExpiring;
import kr.madang.events.agreement.AgreementRenewed;
import kr.madang.events.agreement.AgreementTerminated;
import kr.madang.events.agreement.CirculationWithdrawn;
import kr.madang.events.agreement.PartyAcceded;
import kr.madang.events.agreement.PartyDeclined;
import kr.madang.events.agreement.PartySigned;
import kr.madang.events.agreement.SigningCeremonyChanged;
import kr.madang.events.agreement.SigningReminderDue;
import kr.madang.events.registration.AttendeeCheckedIn;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationPendingApproval;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.events.registration.RegistrationRejected;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registration and agreement event type produces the right messages, in Korean and in English. */
class RoutingIntegrationTests extends NotificationIntegrationTest {

    static final String KO = "[디지털지역혁신포럼]";
    static final String EN = "[Digital Regional Innovation Forum]";

    /** (forum event id, attendee) → event */
    static Stream<Arguments> registrationEvents() {
        Map<String, BiFunction<String, Contact, SpecificRecord>> events = new java.util.LinkedHashMap<>();
        events.put("registration-waitlisted", (f, c) -> RegistrationWaitlisted.newBuilder()
                .setHeader(TestEvents.header(f, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(f)).setAttendee(c).setWaitlistPosition(3).setCancellationUrl("http://c/w").build());
        events.put("registration-pending-approval", (f, c) -> RegistrationPendingApproval.newBuilder()
                .setHeader(TestEvents.header(f, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(f)).setAttendee(c).setAttendeeType("PRESS").build());
        events.put("registration-promoted", (f, c) -> RegistrationPromoted.newBuilder()
                .setHeader(TestEvents.header(f, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(f)).setAttendee(c).setCheckInCode("CHK-PROMO").setFromPosition(1).build());
        events.put("registration-rejected", (f, c) -> RegistrationRejected.newBuilder()
                .setHeader(TestEvents.header(f, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(f)).setAttendee(c).setReason("capacity").build());
        events.put("registration-cancelled", (f, c) -> RegistrationCancelled.newBuilder()
                .setHeader(TestEvents.header(f, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(f)).setAttendee(c).setCancelledBy("ATTENDEE").setWasConfirmed(true).build());
        events.put("registration-attempt-repeated", (f, c) -> kr.madang.events.registration.RegistrationAttemptRepeated.newBuilder()
                .setHeader(TestEvents.header(f, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(f)).setAttendee(c).setStatus("CONFIRMED").build());
        events.put("attendee-checked-in", (f, c) -> AttendeeCheckedIn.newBuilder()
                .setHeader(TestEvents.header(f, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(f)).setAttendee(c).setDay(java.time.LocalDate.of(2023, 2, 6)).setCheckedInAt(Instant.parse("2023-02-06T03:41:00Z"))
                .build());
        return events.entrySet().stream().flatMap(e -> Stream.of(
                Arguments.of(e.getKey(), e.getValue(), Language.KO), Arguments.of(e.getKey(), e.getValue(), Language.EN)));
    }

    @ParameterizedTest(name = "{0} in {2}")
    @MethodSource("registrationEvents")
    void aRegistrationEventMailsTheAttendeeInTheirLanguage(String code, BiFunction<String, Contact, SpecificRecord> build,
                                                         Language language) throws Exception {
        String email = TestEvents.uniqueEmail(code);
        SpecificRecord event = build.apply(UUID.randomUUID().toString(), TestEvents.contact("참가자", email, null, language));

        publish(Topics.REGISTRATION_EVENTS, event);

        MimeMessage mail = awaitMail(email, 1).getFirst();
        assertThat(mail.getSubject()).startsWith(language == Language.KO ? KO : EN);
        List<Map<String, Object>> rows = awaitMessagesOfSource(kr.madang.schemas.Events.header(event).getEventId(), 1);
        assertThat(rows).filteredOn(r -> email.equals(r.get("recipient")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("template_code")).isEqualTo(code);
                    assertThat(r.get("language")).isEqualTo(language == Language.KO ? "ko" : "en");
                });
    }

    @Test
    void aPendingApprovalAlsoAlertsTheSecretariat() {
        String email = TestEvents.uniqueEmail("pending");
        String forum = UUID.randomUUID().toString();
        var event = (RegistrationPendingApproval) registrationEvents().filter(a -> a.get()[0].equals("registration-pending-approval"))
                .findFirst().map(a -> ((BiFunction<String, Contact, SpecificRecord>) a.get()[1])
                        .apply(forum, TestEvents.contact("기자", email, null, Language.KO))).orElseThrow();
        publish(Topics.REGISTRATION_EVENTS, event);
        List<Map<String, Object>> rows = awaitMessagesOfSource(event.getHeader().getEventId(), 2);
        assertThat(rows).extracting(r -> r.get("template_code"))
                .containsExactlyInAnyOrder("registration-pending-approval", "secretariat-approval-needed");
        assertThat(rows).filteredOn(r -> r.get("template_code").equals("secretariat-approval-needed"))
                .singleElement().satisfies(r -> assertThat(r.get("recipient")).isEqualTo("secretariat@madang.test"));
    }

    @Test
    void eventWideChangesReachEveryRegisteredAttendeeInTheirLanguageAndACancellationIsNotHeldForQuietHours() throws Exception {
        String forum = UUID.randomUUID().toString();
        String ko = TestEvents.uniqueEmail("resched-ko");
        String en = TestEvents.uniqueEmail("resched-en");
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(forum, UUID.randomUUID().toString(),
                TestEvents.contact("김하나", ko, null, Language.KO)));
        publish(Topics.REGISTRATION_EVENTS, RegistrationWaitlisted.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(forum)).setAttendee(TestEvents.contact("Tom Lee", en, null, Language.EN))
                .setWaitlistPosition(1).build());
        awaitMail(ko, 1);
        awaitMail(en, 1);

        var moved = kr.madang.events.ForumEventSummary.newBuilder(TestEvents.jeju(forum)).setVenue("제주국제컨벤션센터").build();
        publish(Topics.REGISTRATION_EVENTS, ForumEventRescheduled.newBuilder().setHeader(TestEvents.header(forum, "registration-service"))
                .setForumEvent(moved).setPreviousStartsAt(TestEvents.STARTS).setPreviousEndsAt(TestEvents.ENDS)
                .setPreviousVenue("메종글래드 제주 크리스탈홀").build());
        assertThat(awaitMail(ko, 2).get(1).getSubject()).isEqualTo(KO + " 행사 일정 또는 장소가 변경되었습니다");
        assertThat(FirstSliceIntegrationTests.textOf(awaitMail(en, 2).get(1))).contains("제주국제컨벤션센터", "Before:");

        publish(Topics.REGISTRATION_EVENTS, ForumEventCancelled.newBuilder().setHeader(TestEvents.header(forum, "registration-service"))
                .setForumEvent(moved).setReason("태풍").build());
        assertThat(awaitMail(ko, 3).get(2).getSubject()).isEqualTo(KO + " 행사가 취소되었습니다");
        assertThat(awaitMail(en, 3).get(2).getSubject()).isEqualTo(EN + " The event has been cancelled");
    }

    interface AgreementEvent {
        SpecificRecord build(String agreementId, List<AgreementParty> parties);
    }

    static Stream<Arguments> agreementEvents() {
        Map<String, AgreementEvent> events = new java.util.LinkedHashMap<>();
        events.put("agreement-drafted", (a, p) -> AgreementDrafted.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).build());
        events.put("agreement-circulated", (a, p) -> AgreementCirculated.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setRecipients(p).setStep(1).build());
        events.put("signing-reminder", (a, p) -> SigningReminderDue.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setRecipients(p).setReminderNumber(2).build());
        events.put("party-signed", (a, p) -> PartySigned.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParty(p.get(0)).setSignerName("이정훈").setSignerTitle("원장").setSignedAt(Instant.parse("2023-02-06T07:00:00Z")).setParties(p).build());
        events.put("party-declined", (a, p) -> PartyDeclined.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParty(p.get(1)).setReason("Article 3").setParties(p).build());
        events.put("party-acceded", (a, p) -> PartyAcceded.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParty(p.get(2)).setParties(p).build());
        events.put("agreement-executed", (a, p) -> AgreementExecuted.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).build());
        events.put("agreement-activated", (a, p) -> AgreementActivated.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).build());
        events.put("agreement-amended", (a, p) -> AgreementAmended.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).setPreviousVersion(1).build());
        events.put("agreement-expiring", (a, p) -> AgreementExpiring.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).setDaysLeft(30).build());
        events.put("agreement-expired", (a, p) -> AgreementExpired.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).build());
        events.put("agreement-renewed", (a, p) -> AgreementRenewed.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).build());
        events.put("agreement-terminated", (a, p) -> AgreementTerminated.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).setReason("합의 해지").build());
        events.put("circulation-withdrawn", (a, p) -> CirculationWithdrawn.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).setReason("재검토").build());
        events.put("signing-ceremony-changed", (a, p) -> SigningCeremonyChanged.newBuilder().setHeader(h(a)).setAgreement(TestEvents.agreement(a)).setParties(p).setChange("RESCHEDULED").setDetail("16:00 → 17:00").build());
        return events.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static kr.madang.events.EventHeader h(String agreementId) {
        return TestEvents.header(agreementId, "agreement-service");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agreementEvents")
    void anAgreementEventMailsEveryPartyWithAContactInItsLanguage(String code, AgreementEvent build) throws Exception {
        String agreementId = UUID.randomUUID().toString();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SpecificRecord event = build.build(agreementId, TestEvents.parties(tag));

        publish(Topics.AGREEMENT_EVENTS, event);

        MimeMessage korean = awaitMail("krila-" + tag + "@example.kr", 1).getFirst();
        MimeMessage english = awaitMail("kitss-" + tag + "@example.kr", 1).getFirst();
        assertThat(korean.getSubject()).startsWith(KO);
        assertThat(english.getSubject()).startsWith(EN);
        String koText = FirstSliceIntegrationTests.textOf(korean);
        String enText = FirstSliceIntegrationTests.textOf(english);
        assertThat(koText).contains("이정훈님(한국지방행정연구원)");
        assertThat(enText).contains("Dear Jane Park (Korea IT Service Society)");
        if (code.equals("agreement-circulated") || code.equals("signing-reminder")) {
            assertThat(koText).contains("/sign/p1-" + tag).doesNotContain("/sign/p2-" + tag);
            assertThat(enText).contains("/sign/p2-" + tag).doesNotContain("/sign/p1-" + tag);
        }
        List<Map<String, Object>> rows = awaitMessagesOfSource(kr.madang.schemas.Events.header(event).getEventId(), 2);
        assertThat(rows).filteredOn(r -> r.get("recipient_key").toString().startsWith("p"))
                .allSatisfy(r -> {
                    assertThat(r.get("template_code")).isEqualTo(code);
                    assertThat(r.get("agreement_id")).isEqualTo(agreementId);
                })
                .extracting(r -> r.get("recipient_key")).doesNotContain("p3-" + tag);
    }
}
