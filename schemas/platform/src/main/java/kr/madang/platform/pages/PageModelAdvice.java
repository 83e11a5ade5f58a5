package kr.madang.platform.pages;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The model every page's layout needs (who is signed in, the service's links, the language switch) and the page
 * versions of errors: a problem page in the user's language instead of JSON, never a stack trace.
 */
@ControllerAdvice(annotations = PageController.class)
public class PageModelAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageModelAdvice.class);

    private final ObjectProvider<PageSite> site;
    private final ObjectProvider<ProblemTexts> problemTexts;

    PageModelAdvice(ObjectProvider<PageSite> site, ObjectProvider<ProblemTexts> problemTexts) {
        this.site = site;
        this.problemTexts = problemTexts;
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && PageUser.asApiAuthentication(authentication) != null;
        CurrentUser user = signedIn ? PageUser.of(authentication) : null;
        PageSite s = site.getIfAvailable();
        model.addAttribute("madangUser", user);
        model.addAttribute("madangSiteName", s == null ? "madang.brand" : s.nameKey());
        model.addAttribute("madangHome", s == null ? "/" : s.home());
        model.addAttribute("madangNav", s == null || user == null ? List.of() : s.links(user));
        model.addAttribute("madangPath", request.getRequestURI());
        model.addAttribute("madangKo", withLanguage(request, "ko"));
        model.addAttribute("madangEn", withLanguage(request, "en"));
    }

    static String withLanguage(HttpServletRequest request, String lang) {
        String query = request.getQueryString();
        String uri = request.getRequestURI() + (query == null || !"GET".equals(request.getMethod()) ? "" : "?" + query);
        return UriComponentsBuilder.fromUriString(uri).replaceQueryParam("lang", lang).build().toUriString();
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        layout(model, request);
        return problem(response, model, 403, "madang.error.forbidden", null);
    }

    @ExceptionHandler(ApiProblem.class)
    String apiProblem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model,
                      java.util.Locale locale) {
        layout(model, request);
        String titleKey = switch (problem.status().value()) {
            case 400 -> "madang.error.badRequest";
            case 403 -> "madang.error.forbidden";
            case 404 -> "madang.error.notFoundItem";
            case 409 -> "madang.error.conflict";
            default -> "madang.error.problem";
        };
        String detail = problem instanceof LocalizedProblem ? problem.getMessage() : detail(problem.getMessage(), locale);
        return problem(response, model, problem.status().value(), titleKey, detail);
    }

    /** The detail in the page's language: the service's wording, the API's own on English pages, else none. */
    private String detail(String apiDetail, java.util.Locale locale) {
        if (apiDetail == null) {
            return null;
        }
        ProblemTexts texts = problemTexts.getIfAvailable();
        java.util.Optional<String> translated = texts == null ? java.util.Optional.empty() : texts.translate(apiDetail, locale);
        if (translated.isPresent()) {
            return translated.get();
        }
        return "en".equals(locale.getLanguage()) ? apiDetail : null;
    }

    // BindException covers MethodArgumentNotValidException: a tampered form a page did not bind itself is bad input.
    @ExceptionHandler({ConstraintViolationException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, BindException.class})
    String badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        layout(model, request);
        return problem(response, model, 400, "madang.error.badRequest", null);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        layout(model, request);
        // The exception's message may hold personal data: log its type only, with the trace for ops.
        log.error("Page failed: {}", e.getClass().getName());
        return problem(response, model, 500, "madang.error.unexpected", null);
    }

    private static String problem(HttpServletResponse response, Model model, int status, String titleKey, String detail) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("detail", detail);
        return "madang/error";
    }
}
