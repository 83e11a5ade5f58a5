package kr.madang.platform.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors a browser reaches before any page handles its request (an address opened with the wrong method, one that
 * does not exist): the error page in the user's language, as every page's own errors are. The JSON API and the
 * machine endpoints keep their RFC 9457 problems.
 */
final class PageErrorResolver implements HandlerExceptionResolver, Ordered {

    private final PageModelAdvice layout;
    private final LocaleResolver locales;

    PageErrorResolver(PageModelAdvice layout, LocaleResolver locales) {
        this.layout = layout;
        this.locales = locales;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (handler instanceof HandlerMethod || !isPageRequest(request)) {
            return null; // a handler's errors go to its advice; API callers get problems
        }
        int status;
        String titleKey;
        switch (ex) {
            case HttpRequestMethodNotSupportedException e -> {
                status = 405;
                titleKey = "madang.error.methodNotAllowed";
                if (e.getSupportedMethods() != null) {
                    response.setHeader(HttpHeaders.ALLOW, String.join(", ", e.getSupportedMethods()));
                }
            }
            case NoResourceFoundException e -> {
                status = 404;
                titleKey = "madang.error.notFound";
            }
            case NoHandlerFoundException e -> {
                status = 404;
                titleKey = "madang.error.notFound";
            }
            case HttpMediaTypeNotSupportedException e -> {
                status = 415;
                titleKey = "madang.error.badRequest";
            }
            default -> {
                return null;
            }
        }
        // no handler ran, so neither did the language switch's interceptor: honour ?lang= here
        String lang = request.getParameter("lang");
        if (lang != null && MadangPagesAutoConfiguration.LANGUAGES.contains(lang)) {
            locales.setLocale(request, response, java.util.Locale.forLanguageTag(lang));
        }
        ExtendedModelMap model = new ExtendedModelMap();
        layout.layout(model, request);
        model.addAttribute("status", status);
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("detail", null);
        response.setStatus(status);
        return new ModelAndView("madang/error", model);
    }

    /** A browser asking for a page: HTML accepted, and not an address of the API or of the machine endpoints. */
    static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator") || path.startsWith("/v3/")
                || path.startsWith("/swagger-ui")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!StringUtils.hasText(accept)) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML)
                    && !t.isWildcardType());
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
