package kr.madang.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.madang.e2e.RunningServices;
import kr.madang.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP as ops and the lead's end-to-end tests use it, with the extra headers operations tests need. */
final class OperationsClient {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

    final RunningServices services = RunningServices.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
    }

    Reply post(String url, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(token, request);
    }

    Reply get(String url, String token) {
        return send(token, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Reply send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Reply(response.statusCode(), body, json.readTree(isJson && !body.isBlank() ? body : "{}"), response);
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + e.getMessage(), e);
        }
    }

    /** An open forum in Jeju that takes self-registrations. */
    String openForum(String title) {
        Reply created = post(services.registration() + "/api/events", TestTokens.hqAdmin(), """
                {"title":"%s","titleEn":"Operations check","region":"JEJU","venue":"메종글래드 제주 크리스탈홀",
                 "startsAt":"2023-02-06T13:00:00+09:00","endsAt":"2023-02-07T18:00:00+09:00",
                 "capacity":50,"selfRegistration":true,"approvalRequired":false}
                """.formatted(title), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Reply opened = post(services.registration() + "/api/events/" + id + "/open", TestTokens.hqAdmin(), "{}", Map.of());
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return id;
    }

    Reply register(String forumId, String name, String email, Map<String, String> headers) {
        return register(forumId, name, email, "010-1234-5678", headers);
    }

    Reply register(String forumId, String name, String email, String phone, Map<String, String> headers) {
        return post(services.registration() + "/api/events/" + forumId + "/registrations", null, """
                {"name":"%s","email":"%s","phone":"%s","organisation":"제주특별자치도",
                 "jobTitle":"주무관","attendeeType":"GENERAL","language":"ko","consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(name, email, phone), headers);
    }

    /** The sum of the samples of a metric whose labels include the given ones, from one scrape. */
    double value(String baseUrl, String metric, Map<String, String> labels) {
        Reply reply = get(baseUrl + "/actuator/prometheus", TestTokens.ops());
        double sum = 0;
        for (String line : reply.body().split("\n")) {
            if (!line.startsWith(metric + "{") && !line.startsWith(metric + " ")) {
                continue;
            }
            boolean matches = labels.entrySet().stream()
                    .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""));
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Metric name → every label name its series carry, as scraped from a service's /actuator/prometheus. */
    Map<String, Set<String>> scrape(String baseUrl) {
        // notification-service keeps its actuator behind the OPS role; the others expose the scrape endpoint openly
        Reply reply = get(baseUrl + "/actuator/prometheus", TestTokens.ops());
        assertThat(reply.status()).as("scrape of " + baseUrl).isEqualTo(200);
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        for (String line : reply.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            int end = brace >= 0 && brace < space ? brace : space;
            Set<String> labels = metrics.computeIfAbsent(line.substring(0, end), name -> new LinkedHashSet<>());
            if (end == brace) {
                Matcher label = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return metrics;
    }
}
