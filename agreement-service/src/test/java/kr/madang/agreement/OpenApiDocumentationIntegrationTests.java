package kr.madang.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document a client developer reads: titled, secured with a bearer JWT, every operation explained. */
@AgreementIntegrationTest
class OpenApiDocumentationIntegrationTests {

    private static JsonNode docs;

    @LocalServerPort
    int port;

    @BeforeAll
    static void reset() {
        docs = null;
    }

    private JsonNode docs() {
        if (docs == null) {
            Api.Response response = new Api(port).get("/v3/api-docs", null);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            docs = response.json();
        }
        return docs;
    }

    @Test
    void theServiceIsNamedAndTheApiIsSecuredByABearerJwt() {
        assertThat(docs().path("info").path("title").asString()).isEqualTo("Madang agreement-service");
        assertThat(docs().path("info").path("version").asString()).isNotEqualTo("v0");
        assertThat(docs().path("info").path("description").asString()).contains("MOU");
        JsonNode scheme = docs().path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(docs().path("security").toString()).contains("bearer");
        // a party's signing link needs no account
        assertThat(operation("/api/signing/{token}/sign", "post").path("security").isArray()).isTrue();
        assertThat(operation("/api/signing/{token}/sign", "post").path("security")).isEmpty();
        // pages are not part of the API
        assertThat(paths()).allMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void everyOperationHasASummaryAndListsOnlyTheProblemsItCanAnswer() {
        List<String> missing = new ArrayList<>();
        for (String path : paths()) {
            for (Map.Entry<String, JsonNode> op : docs().path("paths").path(path).properties()) {
                if (op.getValue().path("summary").asString("").isBlank()) {
                    missing.add(op.getKey() + " " + path);
                }
            }
        }
        assertThat(missing).isEmpty();
        // reading one agreement can be refused or not found, but never a state conflict or bad input
        assertThat(responseCodes("/api/agreements/{id}", "get")).containsExactlyInAnyOrder("200", "401", "403", "404");
        assertThat(responseCodes("/api/agreements/{id}/circulate", "post")).contains("409").doesNotContain("400", "410");
        assertThat(responseCodes("/api/signing/{token}/sign", "post"))
                .contains("400", "404", "409", "410").doesNotContain("401", "403");
        assertThat(operation("/api/agreements/{id}/circulate", "post").path("responses").path("409").path("content")
                .has("application/problem+json")).isTrue();
    }

    @Test
    void requestFieldsAreDescribedWithRequiredFormatsAndExamples() {
        JsonNode create = schema("CreateAgreement");
        assertThat(create.path("required").toString()).contains("title", "cooperationItems", "effectiveDate",
                "termMonths", "parties");
        assertThat(create.path("properties").path("effectiveDate").path("format").asString()).isEqualTo("date");
        assertThat(create.path("properties").path("effectiveDate").path("example").asString()).isEqualTo("2023-02-06");
        List<String> undescribed = new ArrayList<>();
        for (String name : List.of("CreateAgreement", "PartyRequest", "ContactRequest", "ReviseAgreement", "Amend",
                "Sign", "Decline", "Terminate", "Renew", "SignRequest", "DeclineRequest")) {
            for (Map.Entry<String, JsonNode> field : schema(name).path("properties").properties()) {
                boolean described = !field.getValue().path("description").asString("").isBlank()
                        || field.getValue().has("$ref");
                if (!described) {
                    undescribed.add(name + "." + field.getKey());
                }
            }
        }
        assertThat(undescribed).isEmpty();
        assertThat(schema("ContactRequest").path("properties").path("email").path("format").asString()).isEqualTo("email");
        assertThat(schema("PartyRequest").path("required").toString()).contains("institution", "contact");
        assertThat(schema("SignRequest").path("properties").path("signerName").path("example").asString()).isNotBlank();
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        docs().path("paths").properties().forEach(e -> paths.add(e.getKey()));
        assertThat(paths).isNotEmpty();
        return paths;
    }

    private JsonNode operation(String path, String method) {
        JsonNode op = docs().path("paths").path(path).path(method);
        assertThat(op.isMissingNode()).as(method + " " + path).isFalse();
        return op;
    }

    private List<String> responseCodes(String path, String method) {
        List<String> codes = new ArrayList<>();
        operation(path, method).path("responses").properties().forEach(e -> codes.add(e.getKey()));
        return codes;
    }

    private JsonNode schema(String name) {
        JsonNode schema = docs().path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as(name).isFalse();
        return schema;
    }
}
