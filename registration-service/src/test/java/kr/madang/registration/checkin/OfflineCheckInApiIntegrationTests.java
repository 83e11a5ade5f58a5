package kr.madang.registration.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The offline door's API: today's list, and the batch upload of queued check-ins. */
class OfflineCheckInApiIntegrationTests extends IntegrationTestBase {

    static final Instant FIRST_DAY_MORNING = Instant.parse("2023-02-06T00:30:00Z"); // 09:30 in Seoul

    String eventId;
    String staff;
    String minjiId;
    String minjiCode;

    @BeforeEach
    void event() {
        eventId = openEvent("JEJU", 50, false, false);
        staff = TestTokens.checkinStaff(eventId);
        Response minji = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("김민지", uniqueEmail("door"), "ko"));
        minjiId = minji.text("id");
        minjiCode = minji.text("checkInCode");
        clock.set(FIRST_DAY_MORNING);
    }

    private static String batch(String device, String... idCodeTimes) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < idCodeTimes.length; i += 3) {
            items.append(items.isEmpty() ? "" : ",").append("""
                    {"id":"%s","code":"%s","deviceTime":"%s"}""".formatted(idCodeTimes[i], idCodeTimes[i + 1], idCodeTimes[i + 2]));
        }
        return """
                {"deviceId":"dev-%s","deviceName":"%s","checkIns":[%s]}""".formatted(device.replace(' ', '-'), device, items);
    }

    private Response upload(String token, String json) {
        return post("/api/events/" + eventId + "/check-ins/batch", token, json);
    }

    private long checkIns(String registrationId) {
        return jdbc.sql("select count(*) from check_in where registration_id = ?").param(UUID.fromString(registrationId))
                .query(Long.class).single();
    }

    @Test
    void aReUploadGetsTheFirstAnswerBackAndChecksInOnce() {
        String id = UUID.randomUUID().toString();
        String json = batch("door 1", id, minjiCode, "2023-02-06T09:20:00+09:00");
        Response first = upload(staff, json);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode answer = first.json().path("results").get(0);
        assertThat(answer.path("result").asString()).isEqualTo("CHECKED_IN");
        assertThat(answer.path("checkedInAt").asString()).isEqualTo("2023-02-06T09:20:00+09:00");
        assertThat(answer.path("checkedInBy").asString()).isEqualTo("door 1");

        Response again = upload(staff, json);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("results").get(0)).isEqualTo(answer);
        assertThat(checkIns(minjiId)).isOne();
    }

    @Test
    void theSecondDeviceIsToldWhenAndWhereThePersonWasCheckedInFirst() {
        assertThat(upload(staff, batch("door 2", UUID.randomUUID().toString(), minjiCode, "2023-02-06T09:12:00+09:00"))
                .json().path("results").get(0).path("result").asString()).isEqualTo("CHECKED_IN");

        JsonNode late = upload(staff, batch("door 1", UUID.randomUUID().toString(), minjiCode, "2023-02-06T09:25:00+09:00"))
                .json().path("results").get(0);
        assertThat(late.path("result").asString()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(late.path("checkedInAt").asString()).isEqualTo("2023-02-06T09:12:00+09:00");
        assertThat(late.path("checkedInBy").asString()).isEqualTo("door 2");
        assertThat(late.path("registrationId").asString()).isEqualTo(minjiId);
        assertThat(checkIns(minjiId)).isOne();
    }

    @Test
    void aCodeOfAnotherEventIsRefusedAndNobodyIsCheckedInThere() {
        String other = openEvent("JEJU", 50, false, false);
        Response stranger = register(other, TestTokens.regionalOffice("JEJU"), attendeeJson("이서연", uniqueEmail("other"), "ko"));
        // HQ may check in at every door: the path's event still decides which codes this door takes
        Response answer = upload(TestTokens.hqAdmin(), batch("door 1", UUID.randomUUID().toString(),
                stranger.text("checkInCode"), "2023-02-06T09:20:00+09:00", UUID.randomUUID().toString(), minjiCode,
                "2023-02-06T09:21:00+09:00"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("results").get(0).path("result").asString()).isEqualTo("REFUSED");
        assertThat(answer.json().path("results").get(0).path("reason").asString()).isEqualTo("WRONG_EVENT");
        assertThat(answer.json().path("results").get(1).path("result").asString()).isEqualTo("CHECKED_IN");
        assertThat(checkIns(stranger.text("id"))).isZero();
    }

    @Test
    void staffOfAnotherEventAndOtherRolesAreRefused() {
        String other = openEvent("JEJU", 50, false, false);
        String json = batch("door 1", UUID.randomUUID().toString(), minjiCode, "2023-02-06T09:20:00+09:00");
        assertThat(upload(TestTokens.checkinStaff(other), json).status()).isEqualTo(403);
        assertThat(upload(TestTokens.ops(), json).status()).isEqualTo(403);
        assertThat(get("/api/events/" + eventId + "/door-list", TestTokens.checkinStaff(other)).status()).isEqualTo(403);
        assertThat(checkIns(minjiId)).isZero();
    }

    @Test
    void aMalformedBodyIsAProblemNamingTheField() {
        Response noTime = upload(staff, """
                {"deviceId":"d1","deviceName":"door 1","checkIns":[{"id":"%s","code":"%s"}]}""".formatted(UUID.randomUUID(), minjiCode));
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(noTime.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noTime.json().path("field").asString()).as(noTime.body()).isEqualTo("checkIns[0].deviceTime");

        Response badId = upload(staff, """
                {"deviceId":"d1","deviceName":"door 1","checkIns":[{"id":"not-a-uuid","code":"x","deviceTime":"2023-02-06T09:20:00+09:00"}]}""");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("field").asString()).as(badId.body()).contains("id");

        Response noDevice = upload(staff, """
                {"deviceName":"door 1","checkIns":[]}""");
        assertThat(noDevice.status()).isEqualTo(400);
        assertThat(noDevice.json().path("field").asString()).as(noDevice.body()).isIn("deviceId", "checkIns");
        assertThat(checkIns(minjiId)).isZero();
    }

    @Test
    void todaysListHoldsHashedCodesOnlyAndItsReadingIsLogged() {
        Response list = get("/api/events/" + eventId + "/door-list", staff);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.text("day")).isEqualTo("2023-02-06");
        assertThat(list.text("validUntil")).isEqualTo("2023-02-07T00:00:00+09:00");
        assertThat(OffsetDateTime.parse(list.text("servedAt")).toInstant()).as("our clock, for the door's countdown")
                .isEqualTo(clock.instant());
        JsonNode minji = list.json().path("attendees").get(0);
        assertThat(minji.path("registrationId").asString()).isEqualTo(minjiId);
        assertThat(minji.path("name").asString()).isEqualTo("김민지");
        assertThat(minji.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(minji.path("codeHashes").get(0).asString()).isEqualTo(OfflineCheckIns.sha256(minjiCode));
        String shortCode = jdbc.sql("select code from ticket_code where registration_id = ?::uuid").param(minjiId)
                .query(String.class).single();
        assertThat(minji.path("codeHashes").get(1).asString()).as("the short code a door types, hashed too")
                .isEqualTo(OfflineCheckIns.sha256(shortCode));
        assertThat(list.body()).doesNotContain(minjiCode).doesNotContain(shortCode).doesNotContain("@example.kr")
                .doesNotContain("010-");
        assertThat(jdbc.sql("select count(*) from personal_data_access where scope = ? and action = 'LIST' and subject_ids = ?")
                .params("event:" + eventId, minjiId).query(Long.class).single()).isOne();
    }
}
