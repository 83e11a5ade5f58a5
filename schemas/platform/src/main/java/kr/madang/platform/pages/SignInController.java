package kr.madang.platform.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sign-in page: the configured OpenID provider(s) and, only when {@code madang.dev-sign-in.enabled=true} (the
 * local stack), a dev sign-in that picks a role and its region or event. The dev user gets the claims a real token
 * would carry, so every page and API check treats it the same.
 */
@PageController
public class SignInController {

    static final List<String> ROLES = List.of(Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE, Roles.CHECKIN_STAFF, Roles.OPS);

    private final List<String[]> providers;
    private final ObjectProvider<PageSite> site;
    private final boolean devSignIn;
    private final List<String> regions;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

    private final MessageSource messages;

    SignInController(List<String[]> providers, ObjectProvider<PageSite> site, boolean devSignIn, List<String> regions,
                     MessageSource messages) {
        this.messages = messages;
        this.providers = providers;
        this.site = site;
        this.devSignIn = devSignIn;
        this.regions = List.copyOf(regions);
    }

    @GetMapping("/sign-in")
    String page(Model model) {
        model.addAttribute("providers", providers);
        model.addAttribute("devSignIn", devSignIn);
        model.addAttribute("roles", ROLES);
        model.addAttribute("regions", regions);
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("form", Map.of());
        return "madang/sign-in";
    }

    @PostMapping("/sign-in/dev")
    String devSignIn(@RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String region,
                     @RequestParam(defaultValue = "") String event, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        if (!devSignIn) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        FieldErrors errors = FieldErrors.none();
        if (!ROLES.contains(role)) {
            errors.add("role", text("madang.signIn.error.role"));
        }
        if (Roles.REGIONAL_OFFICE.equals(role) && !regions.contains(region)) {
            errors.add("region", text("madang.signIn.error.region"));
        }
        if (Roles.CHECKIN_STAFF.equals(role) && (event.isBlank() || event.length() > 100)) {
            errors.add("event", text("madang.signIn.error.event"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("providers", providers);
            model.addAttribute("devSignIn", true);
            model.addAttribute("roles", ROLES);
            model.addAttribute("regions", regions);
            model.addAttribute("errors", errors);
            model.addAttribute("form", Map.of("role", role, "region", region, "event", event));
            return "madang/sign-in";
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(CurrentUser.ROLES_CLAIM, List.of(role));
        if (Roles.REGIONAL_OFFICE.equals(role)) {
            claims.put(CurrentUser.REGION_CLAIM, region);
        }
        if (Roles.CHECKIN_STAFF.equals(role)) {
            claims.put(CurrentUser.EVENT_CLAIM, event.strip());
        }
        claims.put("name", "dev " + role.toLowerCase());
        // A new session id on sign-in: a session fixed before sign-in is worth nothing after it.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new SessionUser("dev-" + role.toLowerCase().replace('_', '-'), claims));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return "redirect:" + (saved != null && Set.of("GET").contains(saved.getMethod()) ? saved.getRedirectUrl() : home());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String home() {
        PageSite s = site.getIfAvailable();
        return s == null ? "/" : s.home();
    }
}
