package kr.madang.platform;

import java.time.Instant;
import java.util.UUID;

import kr.madang.events.Contact;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.Language;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Events;

final class TestEvents {

    private TestEvents() {
    }

    static RegistrationConfirmed confirmed(String forumEventId, long version, String organisation) {
        return RegistrationConfirmed.newBuilder()
                .setHeader(Events.newHeader("platform-test", forumEventId, version, UUID.randomUUID().toString(), null, Instant.now()))
                .setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(ForumEventSummary.newBuilder().setForumEventId(forumEventId).setTitle("제2회 디지털지역혁신포럼")
                        .setRegion("DAEGU_GYEONGBUK").setVenue("포스코국제관")
                        .setStartsAt(Instant.parse("2023-04-20T01:00:00Z")).setEndsAt(Instant.parse("2023-04-21T09:00:00Z")).build())
                .setAttendee(Contact.newBuilder().setName("이포항").setEmail("lee@example.kr").setLanguage(Language.KO).build())
                .setOrganisation(organisation)
                .build();
    }
}
