package kr.madang.registration.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs: every operation lists the problem responses it can give (RFC 9457,
 * application/problem+json with the field at fault), besides its success.
 */
@Configuration
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI registrationOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Madang registration-service")
                        .description("Forum events, attendee registration, waitlist, check-in, bulk import. Errors are RFC 9457 "
                                + "problems naming the field at fault. Every POST honours an Idempotency-Key header.")
                        .version("1"))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OpenApiCustomizer problemResponsesInOpenApi() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            addProblems(openApi);
        };
    }

    private static void addProblems(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("400", "Invalid input: the problem's field (and errors[]) name what is wrong");
            boolean publicLink = path.startsWith("/api/cancellations");
            if (!publicLink) {
                errors.put("401", "Missing or invalid bearer token");
                errors.put("403", "The role may not do this");
            }
            errors.put("404", "No such resource, or one of another region (a regional office cannot probe ids)");
            if (method.name().equals("POST")) {
                errors.put("409", "Conflict with the current state (state and allowedActions given), a duplicate "
                        + "registered by staff (existingRegistrationId), or a request with the same Idempotency-Key still running");
                errors.put("413", "Body too large");
                errors.put("415", "Content-Type not accepted");
                errors.put("422", "Idempotency-Key reused for a different request, or an unusable token");
            }
            if (publicLink) {
                errors.put("410", "The link has expired");
            }
            errors.put("503", "Database unavailable for a moment (Retry-After)");
            errors.forEach((status, description) -> {
                if (op.getResponses() != null) {
                    // replaces what springdoc infers from the exception handlers (which it lists as */*)
                    op.getResponses().addApiResponse(status, new ApiResponse().description(description)
                            .content(new Content().addMediaType("application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                }
            });
        }));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("The request field at fault"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }
}
