package kr.madang.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 answers of the security chain, where the controller advice does not reach: 401 with the bearer
 * challenge, 403. They never say why a token was refused beyond "invalid" (no oracle for forged tokens).
 */
final class SecurityProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecurityProblems() {
    }

    static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            write(request, response, 401, "Unauthorized", "A valid bearer token is required", "Authorization");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, 403, "Forbidden", "This role may not do this", null);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                              String detail, String field) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        if (field != null) {
            body.put("field", field);
            body.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
