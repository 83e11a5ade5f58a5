package kr.madang.registration.access;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.madang.registration.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link PublicRateLimit} to self-registrations: POSTs to an event's registrations without a staff token
 * (a request with a token is authenticated before this filter, or refused there). The client is the connecting
 * address; behind {@code forwardedForHops} trusted reverse proxies it is the address the outermost of them saw, taken
 * from X-Forwarded-For counting from the right, so a client cannot pick its own identity by sending the header.
 * Runs before the idempotency filter, so a 429 is never stored as the answer to an Idempotency-Key.
 */
public class PublicRateLimitFilter extends OncePerRequestFilter {

    private static final Pattern SELF_REGISTRATION = Pattern.compile("/api/events/[^/]+/registrations/?");

    private final PublicRateLimit limit;
    private final int forwardedForHops;

    public PublicRateLimitFilter(PublicRateLimit limit, int forwardedForHops) {
        this.limit = limit;
        this.forwardedForHops = forwardedForHops;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limit.enabled() || !"POST".equals(request.getMethod())
                || !SELF_REGISTRATION.matcher(request.getRequestURI()).matches() || !anonymous();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PublicRateLimit.Decision decision = limit.tryAcquire(client(request, forwardedForHops));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            ProblemWriter.write(request, response, 429, "Too many requests",
                    "At most " + limit.perMinute() + " self-registrations a minute from one client; retry after "
                            + decision.retryAfterSeconds() + " s", null);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }

    /** The client's address: the connection's, or the one the outermost trusted proxy put in X-Forwarded-For. */
    static String client(HttpServletRequest request, int forwardedForHops) {
        String remote = request.getRemoteAddr();
        if (forwardedForHops <= 0) {
            return remote;
        }
        String header = request.getHeader("X-Forwarded-For");
        if (header == null || header.isBlank()) {
            return remote;
        }
        String[] hops = header.split(",");
        // The last entry was added by the proxy next to us; each trusted proxy adds one more to the right.
        int index = hops.length - forwardedForHops;
        String chosen = hops[Math.max(0, index)].trim();
        return chosen.isEmpty() ? remote : chosen;
    }
}
