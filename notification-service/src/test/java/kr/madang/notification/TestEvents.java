package kr.madang.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kr.madang.events.AgreementParty;
import kr.madang.events.AgreementSummary;
import kr.madang.events.Contact;
import kr.madang.events.EventHeader;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.Language;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Events;

/** Events as registration-service and agreement-service publish them, with the forums' real data. */
public final class TestEvents {

    public static final Instant STARTS = Instant.parse("2023-02-06T04:00:00Z");
    public static final Instant ENDS = Instant.parse("2023-02-07T09:00:00Z");

    private TestEvents() {
    }

    public static EventHeader header(String aggregateId, String producer) {
        return Events.newHeader(producer, aggregateId, 1, UUID.randomUUID().toString(), null, Instant.now());
    }

    public static ForumEventSummary jeju(String forumEventId) {
        return ForumEventSummary.newBuilder()
                .setForumEventId(forumEventId)
                .setTitle("제1회 디지털지역혁신포럼")
                .setTitleEn("1st Digital Regional Innovation Forum")
                .setRegion("JEJU")
                .setVenue("메종글래드 제주 크리스탈홀")
                .setStartsAt(STARTS)
                .setEndsAt(ENDS)
                .build();
    }

    public static Contact contact(String name, String email, String phone, Language language) {
        return Contact.newBuilder().setName(name).setEmail(email).setPhone(phone).setLanguage(language).build();
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kr";
    }

    public static RegistrationConfirmed confirmed(String forumEventId, String registrationId, Contact attendee) {
        return RegistrationConfirmed.newBuilder()
                .setHeader(header(forumEventId, "registration-service"))
                .setRegistrationId(registrationId)
                .setForumEvent(jeju(forumEventId))
                .setAttendee(attendee)
                .setOrganisation("제주특별자치도")
                .setAttendeeType("GENERAL")
                .setCancellationUrl("http://localhost:8081/r/cancel?token=abc.def")
                .setCheckInCode("CHK-" + registrationId.substring(0, 8))
                .setTicketUrl("http://localhost:8081/ticket/t." + registrationId.substring(0, 8))
                .setTicketCode("K7QP-" + shortCodeTail(registrationId))
                .build();
    }

    /** Four characters of the short-code alphabet, from the registration id (distinct per test registration). */
    public static String shortCodeTail(String registrationId) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            tail.append(alphabet.charAt(Character.digit(registrationId.charAt(i), 16) % alphabet.length()));
        }
        return tail.toString();
    }

    public static AgreementSummary agreement(String agreementId) {
        return AgreementSummary.newBuilder()
                .setAgreementId(agreementId)
                .setTitle("디지털 혁신 및 디지털플랫폼정부 실현을 위한 업무협약")
                .setVersion(1)
                .setDocumentSha256("ab".repeat(32))
                .setState("CIRCULATING")
                .setForumEventId(null)
                .setEffectiveDate(LocalDate.of(2023, 2, 6))
                .setEndDate(LocalDate.of(2026, 2, 5))
                .build();
    }

    /** Parties with their own contacts; the first speaks Korean, the second English, the third has no contact. */
    public static List<AgreementParty> parties(String tag) {
        List<AgreementParty> parties = new ArrayList<>();
        parties.add(AgreementParty.newBuilder().setPartyId("p1-" + tag).setInstitution("한국지방행정연구원")
                .setRepresentativeName("이정훈").setRepresentativeTitle("원장")
                .setContact(contact("이정훈", "krila-" + tag + "@example.kr", "+821011112222", Language.KO))
                .setSigningUrl("http://localhost:8082/sign/p1-" + tag).build());
        parties.add(AgreementParty.newBuilder().setPartyId("p2-" + tag).setInstitution("Korea IT Service Society")
                .setRepresentativeName("Jane Park").setRepresentativeTitle("President")
                .setContact(contact("Jane Park", "kitss-" + tag + "@example.kr", null, Language.EN))
                .setSigningUrl("http://localhost:8082/sign/p2-" + tag).build());
        parties.add(AgreementParty.newBuilder().setPartyId("p3-" + tag).setInstitution("전자신문")
                .setRepresentativeName(null).setRepresentativeTitle(null).setContact(null).setSigningUrl(null).build());
        return parties;
    }
}
