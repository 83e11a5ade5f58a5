package kr.madang.platform.pages;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import kr.madang.platform.security.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Maps the provider's {@code roles} claim to {@code ROLE_*} authorities, as for API tokens. */
final class OidcRoles {

    private OidcRoles() {
    }

    static Collection<? extends GrantedAuthority> map(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof org.springframework.security.oauth2.core.user.OAuth2UserAuthority user) {
                Map<String, Object> attributes = user.getAttributes();
                if (attributes.get(CurrentUser.ROLES_CLAIM) instanceof Collection<?> roles) {
                    roles.forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r)));
                }
            }
        }
        return mapped;
    }
}
