package kr.madang.notification.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kr.madang.notification.deadletter.DeadLetter;
import kr.madang.notification.deadletter.DeadLetterController;
import kr.madang.notification.deadletter.DeadLetterReplayer;
import kr.madang.notification.message.MessageStatus;
import kr.madang.notification.message.NotificationController;
import kr.madang.notification.template.Channel;
import kr.madang.notification.template.TemplateController;
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

/**
 * Ops pages over the same controllers the JSON API uses (same checks, same masking): messages with filters and
 * statuses, one message with its attempts, templates with preview and new versions, dead letters with replay.
 */
@PageController
public class OpsPages {

    private static final int PAGE_SIZE = 25;

    private final NotificationController notifications;
    private final TemplateController templates;
    private final DeadLetterController deadLetters;

    private final MessageSource messages;

    public OpsPages(NotificationController notifications, TemplateController templates, DeadLetterController deadLetters,
                    MessageSource messages) {
        this.messages = messages;
        this.notifications = notifications;
        this.templates = templates;
        this.deadLetters = deadLetters;
    }

    private static void ops(Authentication authentication) {
        PageUser.require(authentication, Roles.OPS, Roles.HQ_ADMIN);
    }

    @GetMapping("/")
    String home() {
        return "redirect:/ops/messages";
    }

    // ---- messages ---------------------------------------------------------------------------------------------

    @GetMapping("/ops/messages")
    String messages(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                    @RequestParam(required = false) String recipient, @RequestParam(required = false) String registrationId,
                    @RequestParam(required = false) String agreementId, @RequestParam(required = false) String sourceEventId,
                    @RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
        ops(authentication);
        FieldErrors errors = FieldErrors.none();
        MessageStatus statusFilter = parse(MessageStatus.class, status, "status", errors);
        Channel channelFilter = parse(Channel.class, channel, "channel", errors);
        int pageNumber = Math.max(0, page);
        var result = notifications.list(blank(sourceEventId), blank(registrationId), blank(agreementId), blank(recipient),
                statusFilter, channelFilter, pageNumber, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("errors", errors);
        model.addAttribute("filter", new MessageFilter(status, channel, recipient, registrationId, agreementId, sourceEventId));
        return "notification/messages";
    }

    public record MessageFilter(String status, String channel, String recipient, String registrationId,
                                String agreementId, String sourceEventId) {
    }

    @GetMapping("/ops/messages/{id}")
    String message(@PathVariable UUID id, Authentication authentication, Model model) {
        ops(authentication);
        model.addAttribute("detail", notifications.get(id));
        return "notification/message";
    }

    // ---- templates --------------------------------------------------------------------------------------------

    @GetMapping("/ops/templates")
    String templates(Authentication authentication, Model model) {
        ops(authentication);
        model.addAttribute("templates", templates.list());
        return "notification/templates";
    }

    @GetMapping("/ops/templates/{code}/{channel}/{language}")
    String template(@PathVariable String code, @PathVariable Channel channel, @PathVariable String language,
                    Authentication authentication, Model model) {
        ops(authentication);
        var history = templates.get(code, channel, language);
        model.addAttribute("history", history);
        model.addAttribute("preview", templates.preview(code, channel, language, null));
        model.addAttribute("draft", new TemplateController.NewVersion(history.current().subject(), history.current().body()));
        model.addAttribute("errors", FieldErrors.none());
        return "notification/template";
    }

    /** Preview a draft, or save it as the new live version ({@code action=save}); refused drafts show why, by field. */
    @PostMapping("/ops/templates/{code}/{channel}/{language}")
    String draft(@PathVariable String code, @PathVariable Channel channel, @PathVariable String language,
                 @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "preview") String action, Authentication authentication,
                 HttpServletResponse response, RedirectAttributes redirect, Model model) {
        ops(authentication);
        var history = templates.get(code, channel, language);
        FieldErrors errors = FieldErrors.none();
        String draftSubject = channel == Channel.EMAIL ? subject : null;
        if (body.isBlank()) {
            errors.add("body", text("notification.error.bodyRequired"));
        }
        if (body.length() > 20_000) {
            errors.add("body", text("notification.error.bodyTooLong"));
        }
        if (subject.length() > 300) {
            errors.add("subject", text("notification.error.subjectTooLong"));
        }
        model.addAttribute("history", history);
        model.addAttribute("draft", new TemplateController.NewVersion(draftSubject, body));
        if (errors.isEmpty()) {
            try {
                if ("save".equals(action)) {
                    // the page edits the text; an AlimTalk version keeps the approved code and buttons of the live one
                    var live = history.current().alimTalk();
                    var version = live == null ? new TemplateController.NewVersion(draftSubject, body)
                            : new TemplateController.NewVersion(draftSubject, body, live.vendorTemplateCode(), live.buttons(), live.active());
                    var saved = templates.save(code, channel, language, version,
                            PageUser.asApiAuthentication(authentication));
                    redirect.addFlashAttribute("saved", saved.version());
                    return "redirect:/ops/templates/" + code + "/" + channel + "/" + language;
                }
                model.addAttribute("preview", templates.preview(code, channel, language,
                        new TemplateController.PreviewRequest(draftSubject, body, null)));
                model.addAttribute("previewOfDraft", true);
            } catch (ApiProblem problem) {
                errors = FieldErrors.of(problem);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("preview", null);
        }
        model.addAttribute("errors", errors);
        return "notification/template";
    }

    // ---- dead letters -----------------------------------------------------------------------------------------

    @GetMapping("/ops/dead-letters")
    String deadLetters(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                       Authentication authentication, Model model) {
        ops(authentication);
        String statusFilter = status == null || status.isBlank() ? null : status;
        List<String> statuses = List.of(DeadLetter.PENDING, DeadLetter.REPLAYED, DeadLetter.RESOLVED, DeadLetter.DISCARDED);
        FieldErrors errors = FieldErrors.none();
        if (statusFilter != null && !statuses.contains(statusFilter)) {
            errors.add("status", text("notification.error.filter"));
            statusFilter = null;
        }
        model.addAttribute("result", deadLetters.list(statusFilter, null, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("statuses", statuses);
        model.addAttribute("status", statusFilter);
        model.addAttribute("errors", errors);
        return "notification/dead-letters";
    }

    @GetMapping("/ops/dead-letters/{id}")
    String deadLetter(@PathVariable long id, Authentication authentication, Model model) {
        ops(authentication);
        model.addAttribute("detail", deadLetters.get(id));
        model.addAttribute("modes", DeadLetterReplayer.Mode.values());
        return "notification/dead-letter";
    }

    @PostMapping("/ops/dead-letters/{id}/replay")
    String replay(@PathVariable long id, @RequestParam(defaultValue = "REPUBLISH") String mode,
                  Authentication authentication, RedirectAttributes redirect) {
        ops(authentication);
        DeadLetterReplayer.Mode chosen = Arrays.stream(DeadLetterReplayer.Mode.values())
                .filter(m -> m.name().equals(mode)).findFirst()
                .orElseThrow(() -> ApiProblem.badField("mode", "must be REPUBLISH or DIRECT"));
        try {
            var outcome = deadLetters.replay(id, chosen, PageUser.asApiAuthentication(authentication));
            redirect.addFlashAttribute("outcome", outcome.outcome());
            redirect.addFlashAttribute("outcomeDetail", outcome.detail());
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("outcome", "REFUSED");
            redirect.addFlashAttribute("outcomeDetail", problem.getMessage());
        }
        return "redirect:/ops/dead-letters/" + id;
    }

    @PostMapping("/ops/dead-letters/{id}/discard")
    String discard(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        ops(authentication);
        deadLetters.discard(id, PageUser.asApiAuthentication(authentication));
        redirect.addFlashAttribute("outcome", "DISCARDED");
        return "redirect:/ops/dead-letters/" + id;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, text("notification.error.filter"));
            return null;
        }
    }
}
