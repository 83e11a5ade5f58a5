package kr.madang.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import kr.madang.agreement.AgreementServiceApplication;
import kr.madang.notification.NotificationServiceApplication;
import kr.madang.registration.RegistrationServiceApplication;
import kr.madang.testing.MadangTestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services, each its own Spring application with its own database, started once per test JVM on
 * the shared broker, PostgreSQL server and SMTP server: they meet only through Kafka, as in production.
 */
final class MadangSystem {

    private static MadangSystem running;

    final String registration;
    final String agreement;
    final String notification;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private MadangSystem(String registration, String agreement, String notification) {
        this.registration = registration;
        this.agreement = agreement;
        this.notification = notification;
    }

    static synchronized MadangSystem start() {
        if (running == null) {
            running = new MadangSystem(
                    baseUrl(RegistrationServiceApplication.builder()),
                    baseUrl(AgreementServiceApplication.builder()),
                    baseUrl(NotificationServiceApplication.builder()));
        }
        return running;
    }

    private static String baseUrl(SpringApplicationBuilder service) {
        ConfigurableApplicationContext context = service
                .initializers(new MadangTestInfrastructure())
                // a command-line argument, so it beats the service's own server.port default
                .run("--server.port=0", "--madang.dev-sign-in.enabled=true"); // the browser tests sign in on the dev page
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    Response post(String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(token, request);
    }

    Response get(String url, String token) {
        return send(token, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Response send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), json.readTree(
                    response.body() == null || response.body().isBlank() ? "{}" : response.body()));
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + e.getMessage(), e);
        }
    }

    record Response(int status, String body, JsonNode json) {
        String text(String field) {
            return json.path(field).asString();
        }
    }
}
