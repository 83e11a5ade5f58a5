package kr.madang.agreement.config;

import java.util.Map;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import kr.madang.agreement.api.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html, with an Authorize button for the bearer JWT).
 * Each operation lists only the problems it can answer ({@link Problems}); springdoc's generic responses from the
 * exception handlers are switched off (springdoc.override-with-generic-response=false in agreement-service.yml).
 */
@Configuration
@OpenAPIDefinition(
        info = @Info(title = "Madang agreement-service", version = "1",
                description = "Multi-party MOUs: draft, circulate for signature, each party signs or declines (a decline "
                        + "returns the MOU to negotiation), executed when every party has signed, active from its "
                        + "effective date, expiring, expired, renewed or terminated. Amendments make a new version "
                        + "(SHA-256 of the document per version; signatures per version); institutions can accede to an "
                        + "active MOU. HQ (HQ_ADMIN) manages agreements, regional offices read them; a party signs "
                        + "through its signing link (/api/signing/{token}, no account). Errors are RFC 9457 problems "
                        + "naming the field at fault. POST /api/agreements honours an Idempotency-Key header."),
        security = @SecurityRequirement(name = OpenApiDocumentation.BEARER))
@SecurityScheme(name = OpenApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT of the forum's identity provider, with the role claim "
        + "(HQ_ADMIN, REGIONAL_OFFICE, ...)")
public class OpenApiDocumentation {

    public static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";

    private static final Map<Integer, String> MEANINGS = Map.of(
            400, "Invalid input: the problem's field (and errors[]) name what is wrong",
            401, "Missing or invalid bearer token",
            403, "The role may not do this (HQ_ADMIN manages; REGIONAL_OFFICE reads)",
            404, "No such agreement, version, party or signing link",
            409, "Not allowed in the agreement's current state: the problem gives code, state and allowedActions",
            410, "The signing link has expired, or is for a version that is no longer to be signed",
            413, "The document is too large",
            415, "The body is not application/pdf",
            422, "The Idempotency-Key was used for a different request");

    /** Each operation's own problems, plus 401 and 403 where a bearer token is needed. */
    @Bean
    OperationCustomizer agreementProblemResponses() {
        return (operation, handler) -> {
            Problems problems = handler.getMethodAnnotation(Problems.class);
            if (problems == null) {
                return operation;
            }
            boolean authenticated = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
            java.util.SortedSet<Integer> statuses = new java.util.TreeSet<>();
            for (int status : problems.value()) {
                statuses.add(status);
            }
            if (authenticated) {
                statuses.add(401);
                statuses.add(403);
            }
            for (int status : statuses) {
                operation.getResponses().addApiResponse(String.valueOf(status), new ApiResponse()
                        .description(MEANINGS.getOrDefault(status, "Problem"))
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer agreementProblemSchema() {
        return openApi -> openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema().example("Invalid field"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("The request field at fault").example("parties[0].contact"))
                .addProperty("code", new StringSchema().description("409: why the transition is refused").example("NOT_YOUR_TURN"))
                .addProperty("state", new StringSchema().description("409: the agreement's current state"))
                .addProperty("allowedActions", new ArraySchema().items(new StringSchema())
                        .description("409: what can be asked of the agreement now"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }
}
