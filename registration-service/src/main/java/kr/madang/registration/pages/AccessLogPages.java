package kr.madang.registration.pages;

import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.pages.PageUser;
import kr.madang.platform.security.Roles;
import kr.madang.registration.access.AccessLogController;
import kr.madang.registration.rules.InvalidFields;
import org.springframework.security.core.Authentication;
import kr.madang.platform.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** HQ reviews the personal-data access log month by month: by account and action, with who exported how much. */
@PageController
public class AccessLogPages {

    private final AccessLogController log;
    private final org.springframework.context.MessageSource messages;

    public AccessLogPages(AccessLogController log, org.springframework.context.MessageSource messages) {
        this.log = log;
        this.messages = messages;
    }

    @GetMapping("/access-log")
    String accessLog(@RequestParam(required = false) String month, @RequestParam(required = false) String account,
                     @RequestParam(required = false) String action, Authentication authentication, Model model) {
        PageUser.require(authentication, Roles.HQ_ADMIN);
        Authentication api = PageUser.asApiAuthentication(authentication);
        FieldErrors errors = FieldErrors.none();
        AccessLogController.AccessLogView view;
        try {
            view = log.month(month, account, action, api);
        } catch (InvalidFields invalid) {
            invalid.errors().forEach(e -> errors.add(e.field(), messages.getMessage(e.field().equals("month")
                    ? "registration.accessLog.month.invalid" : "registration.accessLog.action.invalid", null,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale())));
            view = log.month(null, null, null, api);
        }
        model.addAttribute("view", view);
        model.addAttribute("account", account);
        model.addAttribute("action", action);
        model.addAttribute("actions", kr.madang.platform.accesslog.PersonalDataAccess.Action.values());
        model.addAttribute("errors", errors);
        return "registration/access-log";
    }
}
