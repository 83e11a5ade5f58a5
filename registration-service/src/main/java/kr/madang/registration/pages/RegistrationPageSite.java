package kr.madang.registration.pages;

import java.util.ArrayList;
import java.util.List;

import kr.madang.platform.pages.PageSite;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import org.springframework.stereotype.Component;

/** Staff pages (events, attendees, import, check-in) and the public ones (self-registration, cancellation link). */
@Component
public class RegistrationPageSite implements PageSite {

    @Override
    public String nameKey() {
        return "registration.name";
    }

    @Override
    public String home() {
        return "/";
    }

    @Override
    public List<Link> links(CurrentUser user) {
        List<Link> links = new ArrayList<>();
        if (user.isHq() || user.has(Roles.REGIONAL_OFFICE)) {
            links.add(new Link("registration.nav.events", "/events"));
        }
        if (user.isHq()) {
            links.add(new Link("registration.nav.accessLog", "/access-log"));
        }
        if (user.has(Roles.CHECKIN_STAFF) && user.eventId() != null) {
            links.add(new Link("registration.nav.checkIn", "/events/" + user.eventId() + "/check-in"));
        }
        return links;
    }

    @Override
    public List<String> publicPaths() {
        return List.of("/e/**", "/cancel/**", "/ticket/**", "/registration/**");
    }
}
