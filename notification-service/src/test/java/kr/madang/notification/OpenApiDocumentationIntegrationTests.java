package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document: a bearer JWT scheme (Authorize button) and every request field described. */
class OpenApiDocumentationIntegrationTests extends NotificationIntegrationTest {

    @Test
    void theApiIsSecuredByABearerJwtExceptItsPublicLinksAndProviderCallbacks() {
        JsonNode docs = apiDocs();
        assertThat(docs.path("info").path("title").asString()).isEqualTo("Madang notification-service");
        JsonNode scheme = docs.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(docs.path("security").toString()).contains("bearer");
        JsonNode callback = docs.path("paths").path("/api/sms/callbacks/{provider}").path("post");
        assertThat(callback.path("security").isArray()).isTrue();
        assertThat(callback.path("security")).isEmpty();
    }

    @Test
    void everyOperationHasASummaryAndEveryRequestFieldADescription() {
        JsonNode docs = apiDocs();
        List<String> missing = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getValue().path("summary").asString("").isBlank()) {
                missing.add(op.getKey() + " " + path.getKey());
            }
        }));
        assertThat(missing).isEmpty();
        List<String> undescribed = new ArrayList<>();
        for (String name : List.of("NewVersion", "PreviewRequest", "OptOutRequest", "Report")) {
            JsonNode schema = docs.path("components").path("schemas").path(name);
            assertThat(schema.isMissingNode()).as(name).isFalse();
            for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
                if (field.getValue().path("description").asString("").isBlank() && !field.getValue().has("$ref")) {
                    undescribed.add(name + "." + field.getKey());
                }
            }
        }
        assertThat(undescribed).isEmpty();
        JsonNode optOut = docs.path("components").path("schemas").path("OptOutRequest");
        assertThat(optOut.path("required").toString()).contains("channel", "address");
        assertThat(optOut.path("properties").path("address").path("example").asString()).isNotBlank();
    }

    /** The document is public, as on every service (no Authorization header). */
    private JsonNode apiDocs() {
        String body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}
