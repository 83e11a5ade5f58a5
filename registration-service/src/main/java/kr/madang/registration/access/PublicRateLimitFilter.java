package kr.madang.registration.access;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.madang.platform.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link PublicRateLimit} to self-registrations over the API: POSTs to an event's registrations without a
 * staff token (a request with a token is authenticated before this filter, or refused there). The client is
 * {@code getRemoteAddr()}, which {@link ClientAddressFilter} has already set from {@code X-Forwarded-For} where, and
 * only where, the connection comes from a configured trusted proxy. The public form is limited by the same buckets in
 * its controller (it runs under the page chain, not this one). Runs before the idempotency filter, so a 429 is never
 * stored as the answer to an Idempotency-Key.
 */
public class PublicRateLimitFilter extends OncePerRequestFilter {

    private static final Pattern SELF_REGISTRATION = Pattern.compile("/api/events/[^/]+/registrations/?");

    private final PublicRateLimit limit;

    /**
     * {@code forwardedForHops} is the former way to trust proxies (counting header entries, whoever sent them); it
     * must be 0: trusted proxies are now listed in {@code madang.registration.trusted-proxies}.
     */
    public PublicRateLimitFilter(PublicRateLimit limit, int forwardedForHops) {
        if (forwardedForHops != 0) {
            throw new IllegalStateException("madang.registration.public-rate-limit.forwarded-for-hops is replaced by "
                    + "madang.registration.trusted-proxies (addresses or CIDR blocks of the reverse proxies)");
        }
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limit.enabled() || !"POST".equals(request.getMethod())
                || !SELF_REGISTRATION.matcher(request.getRequestURI()).matches() || !anonymous();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PublicRateLimit.Decision decision = limit.tryAcquire(request.getRemoteAddr());
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
}
