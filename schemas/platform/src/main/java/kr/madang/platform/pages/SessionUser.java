package kr.madang.platform.pages;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A dev sign-in kept in the page session. (A JwtAuthenticationToken is transient by design and never stored in a
 * session; this holds the same claims and becomes one whenever a page calls the API's checks.)
 */
final class SessionUser extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final LinkedHashMap<String, Object> claims;

    SessionUser(String subject, Map<String, Object> claims) {
        super(PageUser.token(subject, claims).getAuthorities());
        this.subject = subject;
        this.claims = new LinkedHashMap<>(claims);
        setAuthenticated(true);
    }

    Map<String, Object> claims() {
        return Map.copyOf(claims);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return subject;
    }

    @Override
    public String getName() {
        return subject;
    }
}
