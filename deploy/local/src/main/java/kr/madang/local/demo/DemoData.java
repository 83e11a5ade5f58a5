package kr.madang.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kr.madang.local.StackSettings;
import kr.madang.local.devtools.web.Http;
import kr.madang.local.process.LocalProcesses;

/**
 * Loads the demo data of PRODUCT.md through the services' public APIs with an HQ dev token, once per {@code .madang/}:
 * the 1st forum (Jeju, Maison Glad Jeju Crystal Hall) and the 2nd (Pohang, POSCO International Hall) with their
 * sessions, a few registrations (one of them a foreign delegate in English), and the nine-party Jeju MOU, tied to the
 * Jeju forum, circulating for signature. The forums keep their real month and day, in the next year to come, so that
 * registration is open. Every create carries an Idempotency-Key, so a load interrupted halfway can simply run again.
 * Besides, on every start, an event running today (Seoul time) with a few confirmed attendees, so check-in can be
 * tried: one per day the stack is started, keyed by that day.
 */
public final class DemoData {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final StackSettings settings;
    private final Path marker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    public DemoData(StackSettings settings, LocalProcesses processes) {
        this.settings = settings;
        this.marker = settings.home().resolve("demo-loaded");
    }

    /** Loads the demo data unless this stack already has it, and today's event; returns a one-line summary. */
    public String loadOnce() {
        String today = loadToday(LocalDate.now(SEOUL));
        if (Files.exists(marker)) {
            return "already loaded; " + today;
        }
        return loadForums() + ", " + today;
    }

    /** Today's check-in practice event, once per day (a marker file per day, and an Idempotency-Key per day). */
    String loadToday(LocalDate today) {
        Path todayMarker = settings.home().resolve("demo-today-" + today);
        try {
            if (Files.exists(todayMarker)) {
                return "today's event " + Files.readString(todayMarker, StandardCharsets.UTF_8).trim();
            }
            if (token == null) {
                token = fetchToken();
            }
            ObjectNode event = createEvent("demo-today-" + today, todayEvent(today));
            String id = event.get("id").asText();
            register(id, "today-" + today, List.of(
                    attendee("김민지", "minji.kim@example.kr", "010-1234-5678", "제주특별자치도", "주무관", "GENERAL", "ko"),
                    attendee("박지현", "jihyun.park@example.kr", "010-3456-7890", "전자신문", "기자", "PRESS", "ko"),
                    attendee("Bat-Erdene Ganbold", "bat-erdene.g@example.org", null,
                            "E-Mongolia Academy, Mongolia", "Director", "INTERNATIONAL_DELEGATE", "en")));
            Files.writeString(todayMarker, id + "\n", StandardCharsets.UTF_8);
            return "today's event " + id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String loadForums() {
        if (token == null) {
            token = fetchToken();
        }
        demoAlimTalkTemplate();
        int year = nextYearOf(2, 6);
        ObjectNode jeju = createEvent("demo-jeju-" + year, jejuForum(year));
        ObjectNode pohang = createEvent("demo-pohang-" + year, pohangForum(nextYearOf(4, 20)));
        List<String> registrations = new ArrayList<>();
        registrations.addAll(register(jeju.get("id").asText(), "jeju", List.of(
                attendee("김민지", "minji.kim@example.kr", "010-1234-5678", "제주특별자치도", "주무관", "GENERAL", "ko"),
                attendee("이서준", "seojun.lee@example.kr", "010-2345-6789", "제주대학교", "교수", "SPEAKER", "ko"),
                attendee("박지현", "jihyun.park@example.kr", "010-3456-7890", "전자신문", "기자", "PRESS", "ko"),
                attendee("최도윤", "doyun.choi@example.kr", "010-4567-8901", "한국지방행정연구원", "원장", "VIP", "ko"),
                attendee("강하은", "haeun.kang@example.kr", "010-5678-9012", "제주테크노파크", "선임연구원", "GENERAL", "ko"),
                attendee("Somchai Prasert", "somchai.p@example.org", null, "Digital Government Development Agency, Thailand",
                        "Director", "INTERNATIONAL_DELEGATE", "en"))));
        registrations.addAll(register(pohang.get("id").asText(), "pohang", List.of(
                attendee("정우진", "woojin.jung@example.kr", "010-6789-0123", "경상북도", "사무관", "GENERAL", "ko"),
                attendee("윤서연", "seoyeon.yoon@example.kr", "010-7890-1234", "포항공과대학교(POSTECH)", "교수", "SPEAKER", "ko"),
                attendee("한지훈", "jihoon.han@example.kr", "010-8901-2345", "포항테크노파크", "팀장", "GENERAL", "ko"),
                attendee("Ana Lucía Rojas", "ana.rojas@example.org", null, "Ministerio de Ciencia, Innovación, Tecnología y Telecomunicaciones, Costa Rica",
                        "Director", "INTERNATIONAL_DELEGATE", "en"))));
        JsonNode mou = createJejuMou(jeju);
        JsonNode circulating = send("POST", settings.publicUrl(settings.agreementPort()) + "/api/agreements/"
                + mou.get("id").asText() + "/circulate", null, null, 200);
        String summary = "Jeju forum " + jeju.get("id").asText() + ", Pohang forum " + pohang.get("id").asText() + ", "
                + registrations.size() + " registrations, Jeju MOU " + mou.get("id").asText() + " "
                + circulating.path("state").asText();
        try {
            Files.writeString(marker, summary + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }

    /**
     * A Korean AlimTalk version of the confirmation, as operations save one once the vendor approved it (the code
     * here is the demo's own), so the demo attendees with a phone get AlimTalk, seen on the dev tools' AlimTalk page,
     * and the page's "not a KakaoTalk user" answer shows the SMS fallback.
     */
    private void demoAlimTalkTemplate() {
        ObjectNode button = Http.JSON.createObjectNode().put("name", "티켓 보기").put("link", "{{ticketUrl}}");
        ObjectNode template = Http.JSON.createObjectNode()
                .put("body", "[디지털지역혁신포럼] {{name}}님, {{forumTitle}} 참가 등록이 확정되었습니다.\n"
                        + "일시: {{startsAt}}\n장소: {{venue}}\n입구에서 티켓의 QR 코드나 짧은 코드를 보여 주세요.")
                .put("alimtalkTemplateCode", "MDG_DEMO_CONFIRMED")
                .put("alimtalkActive", true);
        template.putArray("buttons").add(button);
        send("PUT", settings.publicUrl(settings.notificationPort()) + "/api/templates/registration-confirmed/ALIMTALK/ko",
                template, null, 200, 201);
    }

    /** The year in which month/day is next to come (Seoul time), so the demo forums are open for registration. */
    static int nextYearOf(int month, int day) {
        LocalDate today = LocalDate.now(SEOUL);
        LocalDate thisYear = LocalDate.of(today.getYear(), month, day);
        return thisYear.isAfter(today.plusDays(7)) ? today.getYear() : today.getYear() + 1;
    }

    /**
     * A one-day event from 09:00 to 18:00 today in Seoul, so its check-in page works today. Not one of the real
     * forums (those keep their real days): a site visit of the digital government fellowship's kind.
     */
    static ObjectNode todayEvent(LocalDate today) {
        String day = today + "T";
        ObjectNode event = Http.JSON.createObjectNode()
                .put("title", "디지털정부 현장 방문 (체크인 연습용 데모, " + today + ")")
                .put("titleEn", "Digital government site visit (check-in practice demo, " + today + ")")
                .put("description", "오늘 열리는 데모 행사입니다. 참가자 확인 페이지에서 체크인을 연습해 보세요.")
                .put("region", "SEOUL_CAPITAL")
                .put("venue", "정부서울청사 별관 대회의실")
                .put("venueEn", "Government Complex Seoul, Annex, Main Conference Room")
                .put("startsAt", day + "09:00:00+09:00")
                .put("endsAt", day + "18:00:00+09:00")
                .put("capacity", 30)
                .put("selfRegistration", true)
                .put("approvalRequired", false);
        strings(event.putArray("hosts"), "디지털지역혁신포럼 사무국");
        strings(event.putArray("organisers"), "디지털지역혁신포럼 사무국");
        ArrayNode sessions = event.putArray("sessions");
        session(sessions, "OPENING", "환영 및 일정 안내", "Welcome and programme", "대회의실", day + "09:00", day + "09:30", null);
        session(sessions, "PRESENTATION", "디지털플랫폼정부 서비스 소개", "The Digital Platform Government's services",
                "대회의실", day + "09:30", day + "12:00", null);
        session(sessions, "SITE_VISIT", "정부 통합운영센터 견학", "Visit: the government's integrated operations centre",
                "통합운영센터", day + "14:00", day + "17:30", 20);
        return event;
    }

    private ObjectNode jejuForum(int year) {
        String day1 = year + "-02-06T";
        String day2 = year + "-02-07T";
        ObjectNode event = Http.JSON.createObjectNode()
                .put("title", "제1회 디지털지역혁신포럼")
                .put("titleEn", "1st Digital Regional Innovation Forum")
                .put("description", "디지털 혁신과 디지털플랫폼정부 실현을 위한 지역의 역할을 논의하는 첫 번째 지역 포럼. "
                        + "첫날 16시, 9개 기관이 업무협약을 체결합니다.")
                .put("region", "JEJU")
                .put("venue", "메종글래드 제주 크리스탈홀")
                .put("venueEn", "Maison Glad Jeju, Crystal Hall")
                .put("startsAt", day1 + "13:00:00+09:00")
                .put("endsAt", day2 + "18:00:00+09:00")
                .put("capacity", 150)
                .put("selfRegistration", true)
                .put("approvalRequired", false);
        strings(event.putArray("hosts"), "제주특별자치도", "한국IT서비스학회");
        strings(event.putArray("organisers"), "디지털지역혁신포럼 사무국");
        ArrayNode sessions = event.putArray("sessions");
        session(sessions, "OPENING", "개회식", "Opening", "크리스탈홀", day1 + "13:00", day1 + "13:30", null);
        session(sessions, "KEYNOTE", "기조강연: 디지털플랫폼정부와 지역 혁신",
                "Keynote: the Digital Platform Government and regional innovation", "크리스탈홀", day1 + "13:30", day1 + "14:30", null);
        session(sessions, "PRESENTATION", "지역 디지털 전환 사례 발표", "Regional digital transition case studies",
                "크리스탈홀", day1 + "14:40", day1 + "15:50", null);
        session(sessions, "SIGNING_CEREMONY", "디지털 혁신 및 디지털플랫폼정부 실현을 위한 업무협약식",
                "MOU signing: digital innovation and the Digital Platform Government", "크리스탈홀", day1 + "16:00",
                day1 + "16:40", null);
        session(sessions, "PANEL", "지역 디지털 전문인력 양성 토론", "Panel: training regional digital specialists",
                "크리스탈홀", day2 + "10:00", day2 + "12:00", null);
        session(sessions, "SITE_VISIT", "제주 디지털 혁신 현장 방문", "Site visit: Jeju's digital innovation",
                "제주테크노파크", day2 + "14:00", day2 + "17:30", 40);
        return event;
    }

    private ObjectNode pohangForum(int year) {
        String day1 = year + "-04-20T";
        String day2 = year + "-04-21T";
        ObjectNode event = Http.JSON.createObjectNode()
                .put("title", "제2회 디지털지역혁신포럼")
                .put("titleEn", "2nd Digital Regional Innovation Forum")
                .put("description", "주제: 일상이 더 나은 경북의 디지털 혁신 (Gyeongbuk's digital innovation for a better "
                        + "everyday life). 10개 기관이 협력을 넓히는 업무협약을 체결합니다.")
                .put("region", "DAEGU_GYEONGBUK")
                .put("venue", "포스코국제관 (포스코 체인지업그라운드)")
                .put("venueEn", "POSCO International Hall (POSCO Change-Up Ground)")
                .put("startsAt", day1 + "13:00:00+09:00")
                .put("endsAt", day2 + "17:00:00+09:00")
                .put("capacity", 200)
                .put("selfRegistration", true)
                .put("approvalRequired", false);
        strings(event.putArray("hosts"), "경상북도", "포항시");
        strings(event.putArray("organisers"), "디지털지역혁신포럼 사무국", "포항테크노파크");
        ArrayNode sessions = event.putArray("sessions");
        session(sessions, "OPENING", "개회식", "Opening", "포스코국제관", day1 + "13:00", day1 + "13:30", null);
        session(sessions, "KEYNOTE", "기조강연: 일상이 더 나은 경북의 디지털 혁신",
                "Keynote: Gyeongbuk's digital innovation for a better everyday life", "포스코국제관", day1 + "13:30",
                day1 + "14:30", null);
        session(sessions, "SIGNING_CEREMONY", "디지털 혁신 협력 확대 업무협약식", "MOU signing: widening the cooperation",
                "포스코국제관", day1 + "15:00", day1 + "15:40", null);
        session(sessions, "ROUNDTABLE", "지역 데이터 전략 라운드테이블", "Roundtable: regional data strategy",
                "체인지업그라운드 세미나실", day2 + "10:00", day2 + "12:30", 60);
        return event;
    }

    private JsonNode createJejuMou(JsonNode jeju) {
        String signing = "";
        for (JsonNode session : jeju.path("sessions")) {
            if (session.path("kind").asText().equals("SIGNING_CEREMONY")) {
                signing = session.path("id").asText();
            }
        }
        ObjectNode mou = Http.JSON.createObjectNode()
                .put("title", "디지털 혁신 및 디지털플랫폼정부 실현을 위한 업무협약")
                .put("purpose", "지역의 디지털 혁신과 디지털플랫폼정부 실현을 위한 협력")
                .put("signingOrder", "PARALLEL")
                .put("forumEventId", jeju.get("id").asText())
                .put("effectiveDate", jeju.get("startsAt").asText().substring(0, 10))
                .put("termMonths", 24)
                .put("autoRenew", false)
                .put("documentText", "제1조(목적) 이 협약은 지역의 디지털 혁신과 디지털플랫폼정부 실현을 위하여 협력함을 목적으로 한다.\n"
                        + "제2조(협력 사항) ① 지역 디지털 전환 계획 수립 및 정책 자문 ② 전문 인력 양성을 위한 공동 교육 프로그램 "
                        + "③ 공동 정책 연구 및 연구개발\n제3조(유효기간) 이 협약은 체결일부터 2년간 효력을 가진다.");
        if (!signing.isEmpty()) {
            mou.put("sessionId", signing);
        }
        strings(mou.putArray("cooperationItems"), "지역 디지털 전환 계획 수립 및 정책 자문",
                "전문 인력 양성을 위한 공동 교육 프로그램", "공동 정책 연구 및 연구개발");
        ArrayNode parties = mou.putArray("parties");
        // institution, mail alias, representative (fictional demo names: no real person's data) and their title
        String[][] institutions = {
                {"한국지방행정연구원", "krila", "박지원", "원장"}, {"제주특별자치도", "jeju", "오하늘", "도지사"},
                {"한국지역정보개발원", "klid", "이도윤", "원장"}, {"한국공법학회", "kpla", "정서연", "회장"},
                {"한국IT서비스학회", "kitss", "최민준", "회장"}, {"제주연구원", "jri", "고은비", "원장"},
                {"제주대학교", "jnu", "강태호", "총장"}, {"제주테크노파크", "jtp", "문예린", "원장"},
                {"전자신문", "etnews", "한승우", "대표이사"}};
        for (String[] institution : institutions) {
            ObjectNode party = parties.addObject().put("institution", institution[0])
                    .put("representativeName", institution[2]).put("representativeTitle", institution[3]);
            party.putObject("contact").put("name", institution[0] + " 협약 담당자")
                    .put("email", "mou." + institution[1] + "@example.kr").put("language", "ko");
        }
        return send("POST", settings.publicUrl(settings.agreementPort()) + "/api/agreements", mou, "demo-jeju-mou", 201, 200);
    }

    private ObjectNode createEvent(String key, ObjectNode request) {
        JsonNode created = send("POST", settings.publicUrl(settings.registrationPort()) + "/api/events", request, key,
                201, 200);
        String id = created.get("id").asText();
        if (!created.path("status").asText().equals("OPEN")) {
            created = send("POST", settings.publicUrl(settings.registrationPort()) + "/api/events/" + id + "/open",
                    null, null, 200);
        }
        return (ObjectNode) created;
    }

    private List<String> register(String eventId, String keyPrefix, List<ObjectNode> attendees) {
        List<String> ids = new ArrayList<>();
        for (ObjectNode attendee : attendees) {
            String key = "demo-" + keyPrefix + "-" + attendee.get("email").asText();
            JsonNode registration = send("POST", settings.publicUrl(settings.registrationPort()) + "/api/events/"
                    + eventId + "/registrations", attendee, key, 201, 200);
            ids.add(registration.get("id").asText());
        }
        return ids;
    }

    private static ObjectNode attendee(String name, String email, String phone, String organisation, String jobTitle,
                                       String type, String language) {
        ObjectNode attendee = Http.JSON.createObjectNode()
                .put("name", name).put("email", email).put("organisation", organisation).put("jobTitle", jobTitle)
                .put("attendeeType", type).put("language", language);
        if (phone != null) {
            attendee.put("phone", phone);
        }
        attendee.putObject("consent").put("accepted", true).put("policyVersion", "2023-01");
        return attendee;
    }

    private static void session(ArrayNode sessions, String kind, String title, String titleEn, String location,
                                String startsAt, String endsAt, Integer capacity) {
        ObjectNode session = sessions.addObject().put("kind", kind).put("title", title).put("titleEn", titleEn)
                .put("location", location).put("startsAt", startsAt + ":00+09:00").put("endsAt", endsAt + ":00+09:00");
        if (capacity != null) {
            session.put("capacity", capacity);
        }
    }

    private static void strings(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }

    private String fetchToken() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.publicUrl(
                            settings.tokenPort()) + "/dev/token?role=HQ_ADMIN&sub=" + URLEncoder.encode("demo-loader",
                            StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the token issuer answered " + response.statusCode());
            }
            return response.body().trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String method, String url, JsonNode body, String idempotencyKey, int... expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return Http.JSON.readTree(response.body());
                }
            }
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
