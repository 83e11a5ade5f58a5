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
 * Every endpoint × every role. Where a role may not act, the answer is 401 (no token), 403 (wrong role) or 404 (a
 * regional office of another region, which cannot tell a foreign id from a missing one), and nothing changes.
 * Where it may read, it reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests extends IntegrationTestBase {

    enum Role { ANONYMOUS, HQ, JEJU_OFFICE, FOREIGN_OFFICE, CHECKIN_OWN, CHECKIN_OTHER, OPS }

    String eventId;
    String registrationId;
    String pendingId;
    String checkInCode;

    @BeforeAll
    void anEventOfJejuWithAConfirmedAndAPendingRegistration() {
        // Staff-only event (no self-registration) that needs approval: anonymous callers have no way in.
        eventId = openEvent("JEJU", 20, false, true);
        Response confirmed = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("김민지", uniqueEmail("matrix"), "ko"));
        registrationId = confirmed.text("id");
        checkInCode = confirmed.text("checkInCode");
        assertThat(checkInCode).isNotBlank();
        String selfEvent = openEvent("JEJU", 20, true, true);
        Response pending = register(selfEvent, null, attendeeJson("박서준", uniqueEmail("pending"), "ko"));
        assertThat(pending.text("status")).isEqualTo("PENDING_APPROVAL");
        pendingId = pending.text("id");
    }

    String token(Role role) {
        return switch (role) {
            case ANONYMOUS -> null;
            case HQ -> TestTokens.hqAdmin();
            case JEJU_OFFICE -> TestTokens.regionalOffice("JEJU");
            case FOREIGN_OFFICE -> TestTokens.regionalOffice("BUSAN_GYEONGNAM");
            case CHECKIN_OWN -> TestTokens.checkinStaff(eventId);
            case CHECKIN_OTHER -> TestTokens.checkinStaff("00000000-0000-0000-0000-000000000000");
            case OPS -> TestTokens.ops();
        };
    }

    record Endpoint(String name, String method, String path, String contentType, String body,
                    Map<Role, Integer> refused, List<Role> mayRead) {
    }

    private static Map<Role, Integer> refusals(int anonymous, int foreign, int checkinOwn, int checkinOther, int ops) {
        Map<Role, Integer> m = new LinkedHashMap<>();
        m.put(Role.ANONYMOUS, anonymous);
        m.put(Role.FOREIGN_OFFICE, foreign);
        m.put(Role.CHECKIN_OWN, checkinOwn);
        m.put(Role.CHECKIN_OTHER, checkinOther);
        m.put(Role.OPS, ops);
        return m;
    }

    List<Endpoint> endpoints() {
        String e = "/api/events/" + eventId;
        String r = "/api/registrations/" + registrationId;
        String p = "/api/registrations/" + pendingId;
        Map<Role, Integer> staffOnly = refusals(401, 404, 403, 403, 403);
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("create event in JEJU", "POST", "/api/events", "application/json", eventJson("JEJU", 10, false, false),
                refusals(401, 403, 403, 403, 403), List.of()));
        list.add(new Endpoint("list events", "GET", "/api/events", null, null, refusals(401, -1, 403, 403, 403), List.of(Role.HQ, Role.JEJU_OFFICE)));
        list.add(new Endpoint("get event", "GET", e, null, null, refusals(401, 404, -1, 403, 403), List.of(Role.HQ, Role.JEJU_OFFICE, Role.CHECKIN_OWN)));
        list.add(new Endpoint("close event", "POST", e + "/close", null, null, staffOnly, List.of()));
        list.add(new Endpoint("complete event", "POST", e + "/complete", null, null, staffOnly, List.of()));
        list.add(new Endpoint("cancel event", "POST", e + "/cancel", "application/json", "{\"reason\":\"x\"}", staffOnly, List.of()));
        list.add(new Endpoint("reschedule event", "POST", e + "/reschedule", "application/json",
                "{\"startsAt\":\"2023-02-13T13:00:00+09:00\",\"endsAt\":\"2023-02-14T18:00:00+09:00\"}", staffOnly, List.of()));
        list.add(new Endpoint("change capacity", "POST", e + "/capacity", "application/json", "{\"capacity\":30}", staffOnly, List.of()));
        list.add(new Endpoint("register", "POST", e + "/registrations", "application/json",
                attendeeJson("최지우", "matrix-new@example.kr", "ko"), staffOnly, List.of()));
        list.add(new Endpoint("list registrations", "GET", e + "/registrations", null, null, staffOnly, List.of(Role.HQ, Role.JEJU_OFFICE)));
        list.add(new Endpoint("export registrations", "GET", e + "/registrations/export?reason=attendance-check", null, null, staffOnly, List.of(Role.HQ, Role.JEJU_OFFICE)));
        list.add(new Endpoint("import registrations", "POST", e + "/imports?dryRun=false&policyVersion=2023-01", "text/csv",
                "이름,이메일,개인정보동의\n정하늘,matrix-import@example.kr,Y\n", staffOnly, List.of()));
        list.add(new Endpoint("get registration", "GET", r, null, null, staffOnly, List.of(Role.HQ, Role.JEJU_OFFICE)));
        list.add(new Endpoint("cancel registration", "POST", r + "/cancel", "application/json", "{}", staffOnly, List.of()));
        list.add(new Endpoint("approve registration", "POST", p + "/approve", null, null, staffOnly, List.of()));
        list.add(new Endpoint("reject registration", "POST", p + "/reject", "application/json", "{}", staffOnly, List.of()));
        list.add(new Endpoint("erase registration", "POST", r + "/erasure", null, null, staffOnly, List.of()));
        list.add(new Endpoint("check in", "POST", "/api/check-ins", "application/json",
                "{\"token\":\"" + checkInCode + "\",\"day\":\"2023-02-06\"}", refusals(401, 404, -1, 403, 403), List.of()));
        return list;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesEveryRoleThatMayNotActAndChangesNothing() {
        return endpoints().stream().flatMap(endpoint -> endpoint.refused().entrySet().stream()
                .filter(refusal -> refusal.getValue() > 0)
                .map(refusal -> DynamicTest.dynamicTest(endpoint.name() + " as " + refusal.getKey(), () -> {
                    clock.set(java.time.Instant.parse("2023-02-06T01:00:00Z")); // the event's first day, for check-in codes
                    Map<String, Object> before = state();
                    Response response = send(endpoint.method(), endpoint.path(), token(refusal.getKey()), endpoint.contentType(),
                            endpoint.body() == null ? null : endpoint.body().getBytes(StandardCharsets.UTF_8), Map.of());
                    assertThat(response.status()).as(response.body()).isEqualTo(refusal.getValue());
                    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(response.body()).doesNotContain("김민지").doesNotContain("@example.kr");
                    assertThat(state()).isEqualTo(before);
                    clock.reset();
                })));
    }

    @TestFactory
    Stream<DynamicTest> rolesThatMayReadDoRead() {
        return endpoints().stream().flatMap(endpoint -> endpoint.mayRead().stream()
                .map(role -> DynamicTest.dynamicTest(endpoint.name() + " as " + role, () -> {
                    Response response = send(endpoint.method(), endpoint.path(), token(role), null, null, Map.of());
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                })));
    }

    @TestFactory
    Stream<DynamicTest> aForeignOfficeSeesNothingOfJejuInLists() {
        return Stream.of(DynamicTest.dynamicTest("event list of a foreign office", () -> {
            Response list = get("/api/events?size=200", token(Role.FOREIGN_OFFICE));
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().path("items").valueStream().map(i -> i.path("region").asString()))
                    .allMatch("BUSAN_GYEONGNAM"::equals);
            assertThat(get("/api/events?region=JEJU", token(Role.FOREIGN_OFFICE)).status()).isEqualTo(403);
        }));
    }

    private Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String table : List.of("forum_event", "forum_session", "registration", "check_in", "registration_session")) {
            s.put(table, rows(table));
        }
        s.put("versions", jdbc.sql("select sum(version) from forum_event").query(Long.class).single());
        s.put("registration changes", jdbc.sql("select count(*) from registration where updated_at <> created_at").query(Long.class).single());
        s.put("statuses", jdbc.sql("select string_agg(status, ',' order by id) from forum_event").query(String.class).single());
        s.put("capacities", jdbc.sql("select sum(capacity) from forum_event").query(Long.class).single());
        return s;
    }
}
