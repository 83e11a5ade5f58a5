package kr.madang.registration.pages;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The cancellation link in emails is the API's address ({@code /api/cancellations/{token}}, kept for every message
 * already sent). A browser opening it asks for HTML: it is sent on to the cancellation page, while API clients
 * asking for JSON get the API's answer as before.
 */
@Component
public class EmailLinkRedirect extends OncePerRequestFilter {

    private static final Pattern CANCELLATION = Pattern.compile("/api/cancellations/([A-Za-z0-9._~-]{1,512})");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !"GET".equals(request.getMethod()) || accept == null || !accept.contains("text/html");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = CANCELLATION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/cancel/" + m.group(1));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
