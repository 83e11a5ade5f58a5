package kr.madang.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kr.madang.e2e.RunningServices;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.SharedMailServer;
import kr.madang.testing.SharedPostgres;
import kr.madang.testing.TestTokens;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an integrator who reads every topic (as they are meant to) can do with it, and what is left of a person after
 * their erasure. Every topic is read from the beginning, dead-letter and key topics included; events are decoded with
 * the published schemas, as kafkajs + avsc would.
 */
@ExtendWith(OutputCaptureExtension.class)
class WhatTheBusHoldsEndToEndTests {

    static final RunningServices services = RunningServices.start();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void noStringOnAnyTopicIsAcceptedByAnyPublicTokenEndpointAfterAFullJourney() throws Exception {
        // the journey: registrations (one cancelled, one checked in), an MOU circulated and signed by one party
        String forum = openForum("버스 점검 포럼");
        String kept = register(forum, "서지호", "bus-" + UUID.randomUUID() + "@example.kr", phone());
        String cancelled = register(forum, "윤하늘", "bus-" + UUID.randomUUID() + "@example.kr", phone());
        assertThat(post(services.registration() + "/api/registrations/" + cancelled + "/cancel", TestTokens.hqAdmin(),
                "{\"reason\":\"일정 변경\"}").statusCode()).isEqualTo(200);
        String code = body(get(services.registration() + "/api/registrations/" + kept, TestTokens.hqAdmin())).path("checkInCode").asString();
        assertThat(code).as("staff see the check-in code").isNotBlank();
        var checkIn = post(services.registration() + "/api/check-ins", TestTokens.hqAdmin(),
                "{\"token\":\"" + code + "\",\"day\":\"" + java.time.LocalDate.now(SEOUL) + "\"}");
        assertThat(checkIn.statusCode()).as(checkIn.body()).isIn(200, 201);

        var drafted = post(services.agreement() + "/api/agreements", TestTokens.hqAdmin(), RunningServices.jejuMouJson());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        JsonNode agreement = body(drafted);
        String agreementId = agreement.path("id").asString();
        assertThat(post(services.agreement() + "/api/agreements/" + agreementId + "/circulate", TestTokens.hqAdmin(), "{}")
                .statusCode()).isEqualTo(200);
        List<String> partyIds = agreement.path("parties").valueStream().map(p -> p.path("id").asString()).toList();
        // HQ's copy of the first party's link: the positive control, it must work
        String link = body(get(services.agreement() + "/api/agreements/" + agreementId + "/parties/" + partyIds.getFirst()
                + "/signing-link", TestTokens.hqAdmin())).path("url").asString();
        String realToken = link.substring(link.lastIndexOf('/') + 1);
        assertThat(accepted(realToken)).as("the check can see a working token").isNotEmpty();

        Set<String> candidates = new LinkedHashSet<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            candidates.clear();
            candidates.addAll(everyStringOnEveryTopic());
            assertThat(candidates).as("the MOU's circulation reached the topic").anyMatch(s -> s.contains(agreementId));
        });

        List<String> acceptedAnywhere = new ArrayList<>();
        for (String candidate : candidates) {
            for (String token : tokenShapes(candidate)) {
                accepted(token).forEach(endpoint -> acceptedAnywhere.add(endpoint + " ← " + candidate));
            }
        }
        assertThat(candidates).hasSizeGreaterThan(50);
        assertThat(acceptedAnywhere).as("strings from the topics that a service accepts").isEmpty();
    }

    @Test
    void afterAnErasureNoDatabaseLogOrTopicHoldsThePersonInClear(CapturedOutput output) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "지우개" + hangul(4);
        String email = "erase-" + suffix + "@example.kr";
        String phone = phone();
        String e164 = "+82" + phone.replace("-", "").substring(1);
        String forum = openForum("삭제 점검 포럼");
        String registration = register(forum, name, email, phone);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> SharedMailServer.greenMail().getReceivedMessagesForDomain(email).length >= 1);
        assertThat(databasesHolding(email)).as("the search finds the person before the erasure")
                .contains("registration_service", "notification_service");

        var erased = post(services.registration() + "/api/registrations/" + registration + "/erasure", TestTokens.hqAdmin(), "");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

        List<String> clear = List.of(name, email, phone, e164, phone.replace("-", ""));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String value : clear) {
                assertThat(databasesHolding(value)).as("databases holding " + value).isEmpty();
            }
        });
        List<String> onTopics = new ArrayList<>();
        for (String topic : topics()) {
            for (ConsumerRecord<String, byte[]> record : SharedKafka.readAll(topic, Duration.ofMillis(300))) {
                String raw = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                StringBuilder headers = new StringBuilder();
                record.headers().forEach(h -> headers.append(new String(h.value(), StandardCharsets.UTF_8)));
                for (String value : clear) {
                    if (raw.contains(value) || headers.toString().contains(value) || String.valueOf(record.key()).contains(value)) {
                        onTopics.add(topic + " holds " + value);
                    }
                }
            }
        }
        assertThat(onTopics).isEmpty();
        // the service logs; the SMTP server standing in for the attendee's mailbox logs the addresses it receives for
        String logs = output.getAll().lines().filter(line -> !line.contains("icegreen")).reduce("", (a, b) -> a + "\n" + b);
        assertThat(clear).allSatisfy(value -> assertThat(logs).as("service logs").doesNotContain(value));
    }

    // ---- what a reader of the topics sees -------------------------------------------------------------------------

    static List<String> topics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get().stream().filter(t -> t.startsWith("madang.")).sorted().toList();
        }
    }

    static Set<String> everyStringOnEveryTopic() throws Exception {
        AvroEventDeserializer avro = new AvroEventDeserializer();
        Set<String> strings = new LinkedHashSet<>();
        for (String topic : topics()) {
            for (ConsumerRecord<String, byte[]> record : SharedKafka.readAll(topic, Duration.ofMillis(300))) {
                strings.add(record.key());
                record.headers().forEach(h -> strings.add(new String(h.value(), StandardCharsets.UTF_8)));
                if (record.value() == null) {
                    continue;
                }
                try {
                    collect(avro.deserialize(topic, record.value()), strings);
                } catch (RuntimeException notAnEvent) {
                    strings.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        strings.remove(null);
        return strings;
    }

    static void collect(Object value, Set<String> strings) {
        if (value instanceof CharSequence text) {
            strings.add(text.toString());
        } else if (value instanceof IndexedRecord record) {
            record.getSchema().getFields().forEach(f -> collect(record.get(f.pos()), strings));
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, strings));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, strings));
        }
    }

    /** A string as it is, and, for a link, its last path segment: the token an endpoint would take. */
    static Set<String> tokenShapes(String candidate) {
        Set<String> shapes = new LinkedHashSet<>();
        if (candidate.isBlank() || candidate.length() > 2_000) {
            return shapes;
        }
        shapes.add(candidate);
        int slash = candidate.lastIndexOf('/');
        if (slash >= 0 && slash < candidate.length() - 1) {
            shapes.add(candidate.substring(slash + 1));
        }
        return shapes;
    }

    /** The public endpoints that take a token (link or code) as proof, and the bearer-token APIs: which took it. */
    static List<String> accepted(String token) throws Exception {
        String path = URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
        List<String> endpoints = List.of(
                services.registration() + "/api/cancellations/" + path,
                services.registration() + "/ticket/" + path,
                services.agreement() + "/api/signing/" + path,
                services.agreement() + "/sign/" + path,
                services.notification() + "/api/opt-out/" + path);
        List<String> accepted = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (get(endpoint, null).statusCode() / 100 == 2) {
                accepted.add(endpoint.replace(path, "…"));
            }
        }
        if (token.chars().filter(c -> c == '.').count() == 2) {
            for (String api : List.of(services.registration() + "/api/events", services.agreement() + "/api/agreements",
                    services.notification() + "/api/notifications")) {
                if (get(api, token).statusCode() / 100 == 2) {
                    accepted.add(api + " as a bearer token");
                }
            }
        }
        return accepted;
    }

    // ---- databases ------------------------------------------------------------------------------------------------

    /** The service databases in which any row of any table, read as text, contains the value. */
    static Set<String> databasesHolding(String value) throws Exception {
        Set<String> holding = new LinkedHashSet<>();
        for (String database : List.of("registration_service", "agreement_service", "notification_service")) {
            try (var connection = DriverManager.getConnection(SharedPostgres.jdbcUrl(database), database, database)) {
                List<String> tables = new ArrayList<>();
                try (var rows = connection.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (var query = connection.prepareStatement(
                            "select count(*) from \"" + table + "\" t where strpos(t::text, ?) > 0")) {
                        query.setString(1, value);
                        try (var rows = query.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                holding.add(database);
                            }
                        }
                    }
                }
            }
        }
        return holding;
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------------

    static String phone() {
        return "010-%04d-%04d".formatted(ThreadLocalRandom.current().nextInt(10_000), ThreadLocalRandom.current().nextInt(10_000));
    }

    static final java.time.ZoneId SEOUL = java.time.ZoneId.of("Asia/Seoul");

    static String hangul(int letters) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < letters; i++) {
            name.appendCodePoint('가' + ThreadLocalRandom.current().nextInt(11_172));
        }
        return name.toString();
    }

    /** A forum running today (Seoul), so its attendees can be checked in. */
    static String openForum(String title) throws Exception {
        var today = java.time.LocalDate.now(SEOUL);
        var created = post(services.registration() + "/api/events", TestTokens.hqAdmin(), """
                {"title":"%s","titleEn":"Bus check","region":"JEJU","venue":"메종글래드 제주 크리스탈홀",
                 "startsAt":"%sT00:00:00+09:00","endsAt":"%sT23:00:00+09:00",
                 "capacity":50,"selfRegistration":true,"approvalRequired":false}
                """.formatted(title, today, today.plusDays(1)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).path("id").asString();
        assertThat(post(services.registration() + "/api/events/" + id + "/open", TestTokens.hqAdmin(), "{}").statusCode())
                .isEqualTo(200);
        return id;
    }

    static String register(String forum, String name, String email, String phone) throws Exception {
        var response = post(services.registration() + "/api/events/" + forum + "/registrations", TestTokens.regionalOffice("JEJU"), """
                {"name":"%s","email":"%s","phone":"%s","organisation":"제주특별자치도","jobTitle":"주무관",
                 "attendeeType":"GENERAL","language":"ko","consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(name, email, phone));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).path("id").asString();
    }

    static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    static HttpResponse<String> post(String url, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), token);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
