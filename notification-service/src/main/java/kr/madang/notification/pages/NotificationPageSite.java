package kr.madang.notification.pages;

import java.util.List;

import kr.madang.platform.pages.PageSite;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import org.springframework.stereotype.Component;

/** The ops pages of notification-service: messages, templates, dead letters. */
@Component
public class NotificationPageSite implements PageSite {

    @Override
    public String nameKey() {
        return "notification.name";
    }

    @Override
    public String home() {
        return "/ops/messages";
    }

    @Override
    public List<Link> links(CurrentUser user) {
        if (!user.has(Roles.OPS) && !user.isHq()) {
            return List.of();
        }
        return List.of(new Link("notification.nav.messages", "/ops/messages"),
                new Link("notification.nav.templates", "/ops/templates"),
                new Link("notification.nav.deadLetters", "/ops/dead-letters"),
                new Link("notification.nav.forumEvents", "/ops/forum-events"));
    }

    @Override
    public List<String> publicPaths() {
        return List.of();
    }
}
