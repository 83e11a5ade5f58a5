package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * A table of bad inputs per endpoint: each gets a 4xx RFC 9457 problem naming the field at fault, none gets a 500,
 * and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTests extends IntegrationTestBase {

    String eventId;
    String registrationId;

    @BeforeAll
    void anOpenEventWithOneRegistration() {
        eventId = openEvent("JEJU", 100, true, false);
        registrationId = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("김민지", uniqueEmail("bad"), "ko")).text("id");
    }

    record Case(String name, String method, String path, String contentType, byte[] body, int status, String field) {
    }

    static final String LONG_NAME = "가".repeat(10_000);

    static String attendee(String field, String jsonValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "\"김민지\"");
        fields.put("email", "\"bad-input@example.kr\"");
        fields.put("phone", "\"010-1234-5678\"");
        fields.put("organisation", "\"제주특별자치도\"");
        fields.put("attendeeType", "\"GENERAL\"");
        fields.put("language", "\"ko\"");
        fields.put("consent", "{\"accepted\":true,\"policyVersion\":\"2023-01\"}");
        if (jsonValue == null) {
            fields.remove(field);
        } else {
            fields.put(field, jsonValue);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    static String event(String field, String jsonValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "\"제2회 디지털지역혁신포럼\"");
        fields.put("region", "\"DAEGU_GYEONGBUK\"");
        fields.put("venue", "\"포스코국제관\"");
        fields.put("startsAt", "\"2023-04-20T13:00:00+09:00\"");
        fields.put("endsAt", "\"2023-04-21T18:00:00+09:00\"");
        fields.put("capacity", "200");
        if (jsonValue == null) {
            fields.remove(field);
        } else {
            fields.put(field, jsonValue);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    List<Case> cases() {
        String reg = "/api/events/" + eventId + "/registrations";
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        // registration
        c.add(new Case("missing name", "POST", reg, json, utf8(attendee("name", null)), 400, "name"));
        c.add(new Case("blank name", "POST", reg, json, utf8(attendee("name", "\"   \"")), 400, "name"));
        c.add(new Case("10,000-character name", "POST", reg, json, utf8(attendee("name", "\"" + LONG_NAME + "\"")), 400, "name"));
        c.add(new Case("SQL in name", "POST", reg, json, utf8(attendee("name", "\"Robert'); DROP TABLE registration;--\"")), 400, "name"));
        c.add(new Case("markup in name", "POST", reg, json, utf8(attendee("name", "\"<script>alert(1)</script>\"")), 400, "name"));
        c.add(new Case("control character in name", "POST", reg, json, utf8(attendee("name", "\"김\\u0000민지\"")), 400, "name"));
        c.add(new Case("missing email", "POST", reg, json, utf8(attendee("email", null)), 400, "email"));
        c.add(new Case("malformed email", "POST", reg, json, utf8(attendee("email", "\"minji@\"")), 400, "email"));
        c.add(new Case("email as a number", "POST", reg, json, utf8(attendee("email", "{\"a\":1}")), 400, "email"));
        c.add(new Case("invalid phone", "POST", reg, json, utf8(attendee("phone", "\"12345\"")), 400, "phone"));
        c.add(new Case("Korean landline instead of mobile", "POST", reg, json, utf8(attendee("phone", "\"064-710-2114\"")), 400, "phone"));
        c.add(new Case("markup in organisation", "POST", reg, json, utf8(attendee("organisation", "\"<b>제주</b>\"")), 400, "organisation"));
        c.add(new Case("unknown attendee type", "POST", reg, json, utf8(attendee("attendeeType", "\"ALIEN\"")), 400, "attendeeType"));
        c.add(new Case("unknown language", "POST", reg, json, utf8(attendee("language", "\"fr\"")), 400, "language"));
        c.add(new Case("missing consent", "POST", reg, json, utf8(attendee("consent", null)), 400, "consent.accepted"));
        c.add(new Case("consent refused", "POST", reg, json, utf8(attendee("consent", "{\"accepted\":false,\"policyVersion\":\"2023-01\"}")), 400, "consent.accepted"));
        c.add(new Case("consent to a policy never published", "POST", reg, json, utf8(attendee("consent", "{\"accepted\":true,\"policyVersion\":\"1999-99\"}")), 400, "consent.policyVersion"));
        c.add(new Case("malformed session id", "POST", reg, json, utf8(attendee("sessionIds", "[\"not-a-uuid\"]")), 400, "sessionIds[0]"));
        c.add(new Case("unknown session", "POST", reg, json, utf8(attendee("sessionIds", "[\"00000000-0000-0000-0000-000000000001\"]")), 400, "sessionIds[0]"));
        c.add(new Case("malformed JSON", "POST", reg, json, utf8("{\"name\": \"김민지\","), 400, "body"));
        c.add(new Case("JSON array instead of object", "POST", reg, json, utf8("[1,2,3]"), 400, "body"));
        c.add(new Case("wrong content type", "POST", reg, "text/plain", utf8(attendee("name", "\"김민지\"")), 415, "Content-Type"));
        c.add(new Case("form instead of JSON", "POST", reg, "application/x-www-form-urlencoded", utf8("name=x"), 415, "Content-Type"));
        c.add(new Case("oversized body", "POST", reg, json, utf8(attendee("organisation", "\"" + "a".repeat(200_000) + "\"")), 413, "body"));
        c.add(new Case("unknown event id", "POST", "/api/events/not-a-uuid/registrations", json, utf8(attendee("name", "\"김민지\"")), 400, "eventId"));
        // forum events
        c.add(new Case("event without title", "POST", "/api/events", json, utf8(event("title", null)), 400, "title"));
        c.add(new Case("event with 10,000-character title", "POST", "/api/events", json, utf8(event("title", "\"" + LONG_NAME + "\"")), 400, "title"));
        c.add(new Case("event with markup in title", "POST", "/api/events", json, utf8(event("title", "\"<img src=x onerror=alert(1)>\"")), 400, "title"));
        c.add(new Case("event ending before it starts", "POST", "/api/events", json, utf8(event("endsAt", "\"2023-04-19T18:00:00+09:00\"")), 400, "endsAt"));
        c.add(new Case("event with unknown region", "POST", "/api/events", json, utf8(event("region", "\"MARS\"")), 400, "region"));
        c.add(new Case("event with zero capacity", "POST", "/api/events", json, utf8(event("capacity", "0")), 400, "capacity"));
        c.add(new Case("event with textual capacity", "POST", "/api/events", json, utf8(event("capacity", "\"fifty\"")), 400, "capacity"));
        c.add(new Case("event with malformed date", "POST", "/api/events", json, utf8(event("startsAt", "\"next tuesday\"")), 400, "startsAt"));
        c.add(new Case("event window closing before it opens", "POST", "/api/events", json,
                utf8(event("registrationOpensAt", "\"2023-04-10T09:00:00+09:00\"").replace("}", ",\"registrationClosesAt\":\"2023-04-01T09:00:00+09:00\"}")), 400, "registrationClosesAt"));
        c.add(new Case("session outside the event", "POST", "/api/events", json, utf8(event("sessions",
                "[{\"kind\":\"KEYNOTE\",\"title\":\"기조연설\",\"startsAt\":\"2023-05-01T10:00:00+09:00\",\"endsAt\":\"2023-05-01T11:00:00+09:00\"}]")), 400, "sessions[0].startsAt"));
        c.add(new Case("session of unknown kind", "POST", "/api/events", json, utf8(event("sessions",
                "[{\"kind\":\"PARTY\",\"title\":\"x\",\"startsAt\":\"2023-04-20T14:00:00+09:00\",\"endsAt\":\"2023-04-20T15:00:00+09:00\"}]")), 400, "sessions[0].kind"));
        c.add(new Case("event as XML", "POST", "/api/events", "application/xml", utf8("<event/>"), 415, "Content-Type"));
        // lifecycle and registrations
        c.add(new Case("reschedule ending before start", "POST", "/api/events/" + eventId + "/reschedule", json,
                utf8("{\"startsAt\":\"2023-03-01T13:00:00+09:00\",\"endsAt\":\"2023-02-28T13:00:00+09:00\"}"), 400, "endsAt"));
        c.add(new Case("capacity below confirmed seats", "POST", "/api/events/" + eventId + "/capacity", json, utf8("{\"capacity\":-5}"), 400, "capacity"));
        c.add(new Case("10,000-character cancellation reason", "POST", "/api/registrations/" + registrationId + "/cancel", json,
                utf8("{\"reason\":\"" + LONG_NAME + "\"}"), 400, "reason"));
        c.add(new Case("check-in without token", "POST", "/api/check-ins", json, utf8("{}"), 400, "token"));
        c.add(new Case("check-in with a forged token", "POST", "/api/check-ins", json, utf8("{\"token\":\"q.AAAA.BBBB.zz.CCCC\"}"), 422, "token"));
        c.add(new Case("check-in with malformed day", "POST", "/api/check-ins", json, utf8("{\"token\":\"x\",\"day\":\"02/06/2023\"}"), 400, "day"));
        c.add(new Case("cancellation link forged", "POST", "/api/cancellations/c.AAAA.BBBB.zz.CCCC", null, null, 404, "token"));
        // lists and imports
        c.add(new Case("negative page", "GET", "/api/events/" + eventId + "/registrations?page=-1", null, null, 400, "page"));
        c.add(new Case("huge page size", "GET", "/api/events/" + eventId + "/registrations?size=100000", null, null, 400, "size"));
        c.add(new Case("unknown status filter", "GET", "/api/events/" + eventId + "/registrations?status=MAYBE", null, null, 400, "status"));
        c.add(new Case("import without policy version", "POST", "/api/events/" + eventId + "/imports", "text/csv", utf8("이름,이메일,개인정보동의\n"), 400, "policyVersion"));
        c.add(new Case("import under a policy never published", "POST", "/api/events/" + eventId + "/imports?policyVersion=1999-99&dryRun=false", "text/csv", utf8("이름,이메일,개인정보동의\n김민지,minji@example.kr,Y\n"), 400, "policyVersion"));
        c.add(new Case("import without required columns", "POST", "/api/events/" + eventId + "/imports?policyVersion=2023-01&dryRun=false", "text/csv", utf8("a,b\n1,2\n"), 400, "file"));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsA4xxProblemNamingTheFieldAndWritesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Map<String, Object> before = state();
            Response response = send(c.method(), c.path(), TestTokens.hqAdmin(), c.contentType(), c.body(), Map.of());
            assertThat(response.status()).as(response.body()).isEqualTo(c.status());
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("field").asString()).as(response.body()).isEqualTo(c.field());
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.postgresql");
            assertThat(state()).isEqualTo(before);
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidUtf8IsRefusedAsBadInput() {
        byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        byte[] suffix = "\",\"email\":\"x@example.kr\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + invalid.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(invalid, 0, body, prefix.length, invalid.length);
        System.arraycopy(suffix, 0, body, prefix.length + invalid.length, suffix.length);
        return Stream.of(DynamicTest.dynamicTest("invalid UTF-8 in a registration", () -> {
            Map<String, Object> before = state();
            Response response = send("POST", "/api/events/" + eventId + "/registrations", TestTokens.hqAdmin(),
                    "application/json", body, Map.of());
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("field").asString()).isIn("body", "name");
            assertThat(state()).isEqualTo(before);
        }));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String table : List.of("forum_event", "forum_session", "registration", "check_in", "registration_session")) {
            s.put(table, rows(table));
        }
        s.put("versions", jdbc.sql("select sum(version) from forum_event").query(Long.class).single());
        s.put("capacities", jdbc.sql("select sum(capacity) from forum_event").query(Long.class).single());
        s.put("live", jdbc.sql("select count(*) from registration where status in ('CONFIRMED','WAITLISTED')").query(Long.class).single());
        return s;
    }
}
