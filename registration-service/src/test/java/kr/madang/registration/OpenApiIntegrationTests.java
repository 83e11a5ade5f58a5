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

    /** Issue 16 item 8: the request's consent was documented in the response's shape ({policyVersion, acceptedAt}). */
    @Test
    void theRegistrationRequestDocumentsConsentAsTheRequestTakesIt() {
        JsonNode docs = get("/v3/api-docs", null).json();
        JsonNode schemas = docs.path("components").path("schemas");
        JsonNode body = docs.path("paths").path("/api/events/{eventId}/registrations").path("post")
                .path("requestBody").path("content").path("application/json").path("schema");
        JsonNode register = schemas.path(body.path("$ref").asString().replace("#/components/schemas/", ""));
        assertThat(register.path("required").toString()).contains("\"name\"", "\"email\"", "\"consent\"");
        assertThat(register.path("properties").path("email").path("format").asString()).isEqualTo("email");

        String consentRef = register.path("properties").path("consent").toString();
        assertThat(consentRef).contains("#/components/schemas/ConsentRequest");
        JsonNode consent = schemas.path("ConsentRequest");
        assertThat(consent.path("properties").propertyNames()).containsExactlyInAnyOrder("accepted", "policyVersion");
        assertThat(consent.path("required").toString()).contains("\"accepted\"", "\"policyVersion\"");
        assertThat(consent.path("properties").path("accepted").path("type").asString()).isEqualTo("boolean");
        assertThat(consent.path("properties").path("accepted").path("example").asBoolean()).isTrue();
        assertThat(consent.path("properties").path("policyVersion").path("example").asString()).isEqualTo("2023-01");
        assertThat(consent.path("properties").path("policyVersion").path("pattern").asString()).isNotBlank();
        // the response keeps its own shape under its own name
        assertThat(schemas.path("RegisteredConsent").path("properties").has("acceptedAt")).isTrue();
        assertThat(consent.path("properties").has("acceptedAt")).isFalse();

        // and the documented example is what the API really takes
        String eventId = openEvent("JEJU", 10, false, false);
        Response registered = register(eventId, kr.madang.testing.TestTokens.regionalOffice("JEJU"), """
                {"name":"김민지","email":"%s","consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(uniqueEmail("docs")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }
}
