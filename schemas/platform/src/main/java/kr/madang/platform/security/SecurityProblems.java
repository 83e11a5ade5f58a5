package kr.madang.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.madang.platform.web.ProblemWriter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 9457 answers of the security chain, where the controller advice does not reach: 401 with the bearer
 * challenge, 403. They never say why a token was refused beyond "invalid" (no oracle for forged tokens).
 */
final class SecurityProblems {

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
        ProblemWriter.write(request, response, status, title, detail, field);
    }
}
