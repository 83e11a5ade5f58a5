package kr.madang.agreement.pages;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import kr.madang.agreement.signing.SigningLinkController;
import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.pages.PageController;
import kr.madang.platform.web.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A party's signing page, opened from the link in its email (no account: the signed token is the grant). It shows
 * the version to sign with its document and hash, the other parties' progress, and lets the representative sign
 * (name and title) or decline with a reason. Every rule is the signing API's; the forms only collect the input.
 */
@PageController
public class SigningPages {

    private final SigningLinkController signing;
    private final MessageSource messages;
    private final ProblemTexts problems;

    public SigningPages(SigningLinkController signing, MessageSource messages, ProblemTexts problems) {
        this.signing = signing;
        this.messages = messages;
        this.problems = problems;
    }

    @GetMapping("/sign/{token}")
    String page(@PathVariable String token, HttpServletResponse response, Model model) {
        noStore(response);
        return show(token, model, FieldErrors.none(), "", "", "");
    }

    @PostMapping("/sign/{token}/sign")
    String sign(@PathVariable String token, @RequestParam(defaultValue = "") String signerName,
                @RequestParam(defaultValue = "") String signerTitle, HttpServletResponse response, Model model) {
        noStore(response);
        FieldErrors errors = FieldErrors.none();
        if (signerName.isBlank()) {
            errors.add("signerName", text("agreement.sign.error.name"));
        } else if (signerName.strip().length() > 100) {
            errors.add("signerName", text("agreement.sign.error.long"));
        }
        if (signerTitle.strip().length() > 100) {
            errors.add("signerTitle", text("agreement.sign.error.long"));
        }
        if (errors.isEmpty()) {
            try {
                problems.onPage(() -> signing.sign(token,
                        new SigningLinkController.SignRequest(signerName.strip(), signerTitle.strip())));
                model.addAttribute("done", "signed");
                return show(token, model, errors, "", "", "");
            } catch (ApiProblem problem) {
                errors = FieldErrors.none().add(formField(problem), problem.getMessage());
            }
        }
        response.setStatus(422);
        return show(token, model, errors, signerName, signerTitle, "");
    }

    @PostMapping("/sign/{token}/decline")
    String decline(@PathVariable String token, @RequestParam(defaultValue = "") String reason,
                   HttpServletResponse response, Model model) {
        noStore(response);
        FieldErrors errors = FieldErrors.none();
        if (reason.isBlank()) {
            errors.add("reason", text("agreement.sign.error.reason"));
        } else if (reason.strip().length() > 2000) {
            errors.add("reason", text("agreement.sign.error.reasonLong"));
        }
        if (errors.isEmpty()) {
            try {
                problems.onPage(() -> signing.decline(token, new SigningLinkController.DeclineRequest(reason.strip())));
                model.addAttribute("done", "declined");
                return show(token, model, errors, "", "", "");
            } catch (ApiProblem problem) {
                errors = FieldErrors.none().add(formField(problem), problem.getMessage());
            }
        }
        response.setStatus(422);
        return show(token, model, errors, "", "", reason);
    }

    private String show(String token, Model model, FieldErrors errors, String signerName, String signerTitle, String reason) {
        SigningLinkController.PartyAgreementView view = problems.onPage(() -> signing.view(token));
        String documentText = null;
        if ("TEXT".equals(view.documentType())) {
            byte[] body = problems.onPage(() -> signing.document(token)).getBody();
            documentText = body == null ? null : new String(body, StandardCharsets.UTF_8);
        }
        model.addAttribute("token", token);
        model.addAttribute("v", view);
        model.addAttribute("documentText", documentText);
        model.addAttribute("representative", Representatives.of(view.representativeName(), view.representativeTitle()));
        model.addAttribute("signed", view.parties().stream().filter(SigningLinkController.OtherParty::signed).count());
        model.addAttribute("errors", errors);
        model.addAttribute("signerName", signerName);
        model.addAttribute("signerTitle", signerTitle);
        model.addAttribute("reason", reason);
        return "agreement/sign";
    }

    /** A problem about a field of these forms goes beside it; anything else (the link, the state) on top. */
    private static String formField(ApiProblem problem) {
        String field = problem.field();
        return "signerName".equals(field) || "signerTitle".equals(field) || "reason".equals(field)
                ? field : FieldErrors.FORM;
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
