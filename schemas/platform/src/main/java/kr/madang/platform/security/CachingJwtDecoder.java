package kr.madang.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that the wrapped decoder has verified, until they expire. Why: a staff member's browser or a
 * regional office's import sends the same token with every request, and checking its RS256 signature again each time
 * was 18% of a registration's CPU. Only the exact token string that verified is remembered; a token past its
 * {@code exp} is decoded (and refused) again; failures are never remembered. When full, the cache starts over.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final int maxTokens;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, Clock clock, int maxTokens) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null && stillValid(known)) {
            return known;
        }
        if (known != null) {
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && stillValid(jwt)) {
            if (verified.size() >= maxTokens) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean stillValid(Jwt jwt) {
        Instant now = clock.instant();
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
