package kr.madang.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the token says: subject, roles, and the scope claims that narrow a role
 * ({@code region} for a regional office, {@code event} for check-in staff).
 */
public record CurrentUser(String subject, Set<String> roles, String region, String eventId) {

    public static final String ROLES_CLAIM = "roles";
    public static final String REGION_CLAIM = "region";
    public static final String EVENT_CLAIM = "event";

    public static CurrentUser of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return new CurrentUser("anonymous", Set.of(), null, null);
        }
        Collection<String> roles = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        return new CurrentUser(jwt.getSubject(), roles.stream().collect(Collectors.toUnmodifiableSet()),
                jwt.getClaimAsString(REGION_CLAIM), jwt.getClaimAsString(EVENT_CLAIM));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isHq() {
        return has(Roles.HQ_ADMIN);
    }

    /** HQ sees every region; a regional office only its own. */
    public boolean canActInRegion(String eventRegion) {
        return isHq() || (has(Roles.REGIONAL_OFFICE) && region != null && region.equals(eventRegion));
    }
}
