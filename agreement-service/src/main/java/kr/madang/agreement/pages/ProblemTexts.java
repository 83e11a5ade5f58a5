package kr.madang.agreement.pages;

import java.util.Locale;

import kr.madang.agreement.mou.TransitionRefused;
import kr.madang.agreement.mou.UnknownParty;
import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.pages.LocalizedProblem;
import kr.madang.platform.web.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The API's refusals as a page says them, in the page's language: the problem's English detail is for API clients,
 * so a page looks its text up by the problem's title (or the refusal's code), else says what its status means.
 */
@Component
public class ProblemTexts {

    private final MessageSource messages;

    public ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String of(ApiProblem problem) {
        String byTitle = problem.title() == null ? "unknown" : problem.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return text("agreement.problem." + byTitle, "agreement.problem.status." + problem.status().value());
    }

    public String of(TransitionRefused refused) {
        return text("agreement.problem.refused." + refused.code(), "agreement.problem.refused");
    }

    public String of(UnknownParty unknown) {
        return text("agreement.problem.unknownParty", "agreement.problem.status.404");
    }

    /** The problem beside the field it names (or at the top of the form), in the page's language. */
    public FieldErrors errors(ApiProblem problem) {
        return FieldErrors.none().add(problem.field() == null ? FieldErrors.FORM : problem.field(), of(problem));
    }

    public FieldErrors errors(TransitionRefused refused) {
        return FieldErrors.none().add(FieldErrors.FORM, of(refused));
    }

    /**
     * The same refusal with its detail in the page's language, for the shared error page (which shows the detail):
     * a page runs its API calls through this so no English detail and no JSON reaches a browser.
     */
    public <T> T onPage(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiProblem problem) {
            throw new LocalizedProblem(problem.status(), problem.title(), of(problem), problem.field());
        } catch (TransitionRefused refused) {
            throw new LocalizedProblem(org.springframework.http.HttpStatus.CONFLICT, "Transition not allowed", of(refused),
                    null);
        } catch (UnknownParty unknown) {
            throw new LocalizedProblem(org.springframework.http.HttpStatus.NOT_FOUND, "Not found", of(unknown), "partyId");
        }
    }

    private String text(String key, String fallbackKey) {
        Locale locale = LocaleContextHolder.getLocale();
        String found = messages.getMessage(key, null, null, locale);
        if (found != null) {
            return found;
        }
        String fallback = messages.getMessage(fallbackKey, null, null, locale);
        return fallback != null ? fallback : messages.getMessage("agreement.problem.status.other", null, locale);
    }
}
