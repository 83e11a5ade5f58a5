package kr.madang.notification.pages;

import jakarta.servlet.http.HttpServletResponse;
import kr.madang.notification.eventchannel.EventTextChannelController;
import kr.madang.notification.eventchannel.TextChannel;
import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.pages.PageController;
import kr.madang.platform.pages.PageUser;
import kr.madang.platform.security.Roles;
import kr.madang.platform.web.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Ops pages to choose, per forum event, AlimTalk (with SMS/LMS fallback) or SMS/LMS only for its text messages. */
@PageController
public class EventChannelPages {

    private final EventTextChannelController channels;
    private final MessageSource messages;

    public EventChannelPages(EventTextChannelController channels, MessageSource messages) {
        this.channels = channels;
        this.messages = messages;
    }

    @GetMapping("/ops/forum-events")
    String list(Authentication authentication, Model model) {
        PageUser.require(authentication, Roles.OPS, Roles.HQ_ADMIN);
        model.addAttribute("events", channels.list());
        return "notification/forum-events";
    }

    @GetMapping("/ops/forum-events/{forumEventId}")
    String one(@PathVariable String forumEventId, Authentication authentication, Model model) {
        PageUser.require(authentication, Roles.OPS, Roles.HQ_ADMIN);
        var event = channels.get(forumEventId);
        model.addAttribute("event", event);
        model.addAttribute("selected", event.channel().name());
        model.addAttribute("channels", TextChannel.values());
        model.addAttribute("errors", FieldErrors.none());
        return "notification/forum-event";
    }

    @PostMapping("/ops/forum-events/{forumEventId}")
    String choose(@PathVariable String forumEventId, @RequestParam(required = false) String channel,
                  Authentication authentication, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        PageUser.require(authentication, Roles.OPS, Roles.HQ_ADMIN);
        var event = channels.get(forumEventId);
        try {
            channels.choose(forumEventId, new EventTextChannelController.ChoiceRequest(channel),
                    PageUser.asApiAuthentication(authentication));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/ops/forum-events/" + forumEventId;
        } catch (ApiProblem problem) {
            if (!"channel".equals(problem.field())) {
                throw problem;
            }
            response.setStatus(422);
            model.addAttribute("event", event);
            model.addAttribute("selected", null);
            model.addAttribute("channels", TextChannel.values());
            model.addAttribute("errors", FieldErrors.none().add("channel",
                    messages.getMessage("notification.textChannel.error", null, LocaleContextHolder.getLocale())));
            return "notification/forum-event";
        }
    }
}
