package kr.madang.registration.access;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import kr.madang.platform.accesslog.PersonalDataAccess;
import kr.madang.platform.accesslog.PersonalDataAccess.Action;
import kr.madang.platform.accesslog.PersonalDataAccessLog;
import kr.madang.platform.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records staff access to attendees' data in the personal-data access log: who, from where, what, whose records
 * (registration ids) and with which filter. Search text may itself be a name, so it is kept masked.
 */
@Component
public class StaffAccessLog {

    private final PersonalDataAccessLog log;

    public StaffAccessLog(PersonalDataAccessLog log) {
        this.log = log;
    }

    public void record(Authentication authentication, Action action, UUID eventId, List<UUID> registrations,
                       String query, String reason) {
        CurrentUser user = CurrentUser.of(authentication);
        String role = String.join("+", user.roles().stream().sorted().toList())
                + (user.region() != null ? "@" + user.region() : "");
        log.record(new PersonalDataAccess(user.subject(), role, sourceAddress(), action,
                eventId == null ? null : "event:" + eventId, registrations.stream().map(UUID::toString).toList(),
                query, reason));
    }

    /** The filter as text, its free-text search masked (it may be a person's name or email). */
    public static String query(Object... namesAndValues) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            String name = namesAndValues[i].toString();
            String shown = name.equals("q") || name.equals("organisation") ? mask(value.toString()) : value.toString();
            text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(shown);
        }
        return text.isEmpty() ? null : text.toString();
    }

    static String mask(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? "" : stripped.codePoints().limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "*".repeat(Math.max(1, stripped.codePointCount(0, stripped.length()) - 1));
    }

    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
