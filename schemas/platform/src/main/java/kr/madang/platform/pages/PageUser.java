package kr.madang.platform.pages;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import kr.madang.platform.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.ClassUtils;

/**
 * The signed-in user of a page, whichever way they signed in (the OpenID provider or the dev sign-in), in the same
 * shape as an API caller: pages hand {@link #asApiAuthentication} to the services' own access checks, so a page can
 * never do more than the same user could through the API.
 */
public final class PageUser {

    private static final boolean OAUTH2_CORE = ClassUtils.isPresent(
            "org.springframework.security.oauth2.core.user.OAuth2User", PageUser.class.getClassLoader());

    private PageUser() {
    }

    public static CurrentUser of(Authentication authentication) {
        return CurrentUser.of(asApiAuthentication(authentication));
    }

    /** Builds the JWT-shaped authentication the API controllers expect from the page session's user. */
    public static Authentication asApiAuthentication(Authentication authentication) {
        if (authentication == null || authentication instanceof JwtAuthenticationToken) {
            return authentication;
        }
        if (authentication instanceof SessionUser user) {
            return token(user.getName(), user.claims());
        }
        if (OAUTH2_CORE && authentication.getPrincipal() instanceof org.springframework.security.oauth2.core.user.OAuth2User user) {
            return token(user.getName(), user.getAttributes());
        }
        return null;
    }

    /** A session user with the claims of a Madang token; {@code roles} become {@code ROLE_*} authorities. */
    static JwtAuthenticationToken token(String subject, Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("page-session").header("alg", "none").subject(subject)
                .issuedAt(Instant.now());
        claims.forEach((name, value) -> {
            if (value != null && !"sub".equals(name)) {
                jwt.claim(name, value);
            }
        });
        Jwt built = jwt.build();
        List<String> roles = built.hasClaim(CurrentUser.ROLES_CLAIM) ? rolesOf(built.getClaim(CurrentUser.ROLES_CLAIM)) : List.of();
        Collection<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return new JwtAuthenticationToken(built, authorities, subject);
    }

    private static List<String> rolesOf(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return Arrays.stream(String.valueOf(claim).split("[ ,]+")).filter(s -> !s.isBlank()).toList();
    }

    /** Refuses (403 page) unless the user has one of the roles. */
    public static CurrentUser require(Authentication authentication, String... roles) {
        CurrentUser user = of(authentication);
        if (Arrays.stream(roles).noneMatch(user::has)) {
            throw new AccessDeniedException("role");
        }
        return user;
    }
}
