package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import kr.madang.registration.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OpenApiIntegrationTests extends IntegrationTestBase {

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndItsErrorResponses() {
        Response docs = get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("/api/events", List.of("get", "post")),
                Map.entry("/api/events/{eventId}", List.of("get")),
                Map.entry("/api/events/{eventId}/open", List.of("post")),
                Map.entry("/api/events/{eventId}/close", List.of("post")),
                Map.entry("/api/events/{eventId}/complete", List.of("post")),
                Map.entry("/api/events/{eventId}/cancel", List.of("post")),
                Map.entry("/api/events/{eventId}/reschedule", List.of("post")),
                Map.entry("/api/events/{eventId}/capacity", List.of("post")),
                Map.entry("/api/events/{eventId}/registrations", List.of("get", "post")),
                Map.entry("/api/events/{eventId}/registrations/export", List.of("get")),
                Map.entry("/api/events/{eventId}/imports", List.of("post")),
                Map.entry("/api/registrations/{registrationId}", List.of("get")),
                Map.entry("/api/registrations/{registrationId}/cancel", List.of("post")),
                Map.entry("/api/registrations/{registrationId}/approve", List.of("post")),
                Map.entry("/api/registrations/{registrationId}/reject", List.of("post")),
                Map.entry("/api/registrations/{registrationId}/erasure", List.of("post")),
                Map.entry("/api/cancellations/{token}", List.of("get", "post")),
                Map.entry("/api/check-ins", List.of("post")));
        expected.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.path(path).path(method);
            assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
            JsonNode responses = operation.path("responses");
            assertThat(responses.has("400")).as(method + " " + path + " 400").isTrue();
            assertThat(responses.has("404")).as(method + " " + path + " 404").isTrue();
            assertThat(responses.path("400").path("content").has("application/problem+json")).as(method + " " + path + " " + responses).isTrue();
            if (method.equals("post")) {
                assertThat(responses.has("409")).as(method + " " + path + " 409").isTrue();
            }
        }));
        assertThat(paths.path("/api/events").path("post").path("responses").has("401")).isTrue();
        assertThat(docs.json().path("components").path("schemas").has("Problem")).isTrue();
        assertThat(docs.json().path("components").path("securitySchemes").has("bearer")).isTrue();
    }
}
