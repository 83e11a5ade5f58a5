package kr.madang.agreement.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kr.madang.agreement.api.AgreementController;
import kr.madang.agreement.api.AgreementRequests;
import kr.madang.agreement.api.AgreementViews;
import kr.madang.agreement.audit.AuditTrail;
import kr.madang.agreement.mou.AgreementState;
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
 * HQ's agreement pages over the API controller (same access rules): the list with each party's signing progress,
 * and one agreement with its versions, history and the actions its state allows.
 */
@PageController
public class AgreementPages {

    private static final int PAGE_SIZE = 20;

    private final AgreementController agreements;
    private final MessageSource messages;
    private final ProblemTexts problems;

    public AgreementPages(AgreementController agreements, MessageSource messages, ProblemTexts problems) {
        this.agreements = agreements;
        this.messages = messages;
        this.problems = problems;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/agreements";
    }

    @GetMapping("/agreements")
    @SuppressWarnings("unchecked")
    String list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
                Authentication authentication, Model model) {
        PageUser.require(authentication, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        Authentication api = PageUser.asApiAuthentication(authentication);
        AgreementState filter = null;
        FieldErrors errors = FieldErrors.none();
        if (state != null && !state.isBlank()) {
            try {
                filter = AgreementState.valueOf(state);
            } catch (IllegalArgumentException e) {
                errors.add("state", text("agreement.error.filter"));
            }
        }
        AgreementState shownState = filter;
        Map<String, Object> result = problems.onPage(() -> agreements.list(shownState, null, Math.max(0, page),
                PAGE_SIZE, api));
        List<AgreementViews.AgreementView> rows = new ArrayList<>();
        for (AgreementViews.AgreementSummaryView s : (List<AgreementViews.AgreementSummaryView>) result.get("items")) {
            rows.add(problems.onPage(() -> agreements.get(s.id(), api)));
        }
        Map<String, Long> signedCounts = new java.util.HashMap<>();
        rows.forEach(a -> signedCounts.put(a.id(), a.parties().stream()
                .filter(p -> p.signature() != null && p.signature().version() == a.currentVersion()).count()));
        model.addAttribute("rows", rows);
        model.addAttribute("signedCounts", signedCounts);
        model.addAttribute("page", result.get("page"));
        model.addAttribute("size", result.get("size"));
        model.addAttribute("total", result.get("total"));
        model.addAttribute("states", AgreementState.values());
        model.addAttribute("state", filter == null ? "" : filter.name());
        model.addAttribute("errors", errors);
        return "agreement/list";
    }

    @GetMapping("/agreements/{id}")
    String agreement(@PathVariable String id, @RequestParam(required = false) Integer version,
                     Authentication authentication, Model model) {
        PageUser.require(authentication, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        Authentication api = PageUser.asApiAuthentication(authentication);
        AgreementViews.AgreementView a = problems.onPage(() -> agreements.get(id, api));
        int shown = version == null ? a.currentVersion() : version;
        model.addAttribute("a", a);
        model.addAttribute("version", problems.onPage(() -> agreements.version(id, shown, api)));
        Map<String, Object> history = problems.onPage(() -> agreements.history(id, api));
        model.addAttribute("history", history);
        model.addAttribute("historyRows", historyRows(a, history));
        Map<String, String> representatives = new java.util.HashMap<>();
        a.parties().forEach(p -> representatives.put(p.id(),
                Representatives.of(p.representativeName(), p.representativeTitle())));
        model.addAttribute("representatives", representatives);
        boolean hq = PageUser.of(authentication).isHq();
        model.addAttribute("hq", hq);
        model.addAttribute("links", hq ? signingLinks(id, a, api) : Map.of());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FieldErrors.none());
        }
        return "agreement/agreement";
    }

    /** A version's document as a file download (the API's, through the page's sign-in). */
    @GetMapping("/agreements/{id}/versions/{number}/document")
    org.springframework.http.ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable int number,
                                                            Authentication authentication) {
        PageUser.require(authentication, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        Authentication api = PageUser.asApiAuthentication(authentication);
        return problems.onPage(() -> agreements.document(id, number, api));
    }

    /** HQ sends an acceding institution its invitation again, with a fresh link. */
    @PostMapping("/agreements/{id}/parties/{partyId}/invitation")
    String resendInvitation(@PathVariable String id, @PathVariable String partyId, Authentication authentication,
                            RedirectAttributes redirect) {
        PageUser.require(authentication, Roles.HQ_ADMIN);
        try {
            problems.onPage(() -> agreements.reopenAccession(id, partyId, PageUser.asApiAuthentication(authentication)));
            redirect.addFlashAttribute("done", "invitation");
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("errors", FieldErrors.none().add(FieldErrors.FORM, problem.getMessage()));
        }
        return "redirect:/agreements/" + id;
    }

    /** HQ emails a party its current signing link again (the party's own address, from the agreement). */
    @PostMapping("/agreements/{id}/parties/{partyId}/signing-link")
    String resendSigningLink(@PathVariable String id, @PathVariable String partyId, Authentication authentication,
                             RedirectAttributes redirect) {
        PageUser.require(authentication, Roles.HQ_ADMIN);
        try {
            AgreementViews.AgreementView a = problems.onPage(() ->
                    agreements.resendSigningLink(id, partyId, PageUser.asApiAuthentication(authentication)));
            String institution = a.parties().stream().filter(p -> p.id().equals(partyId)).findFirst()
                    .map(AgreementViews.PartyView::institution).orElse("");
            redirect.addFlashAttribute("done", "resent");
            redirect.addFlashAttribute("doneArg", institution);
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("errors", FieldErrors.none().add(FieldErrors.FORM, problem.getMessage()));
        }
        return "redirect:/agreements/" + id;
    }

    /** One line of the history as a reader of this page's language says it (no raw names or party ids). */
    public record HistoryRow(long seq, java.time.Instant occurredAt, String actor, String what, String state,
                             String reason) {
    }

    private List<HistoryRow> historyRows(AgreementViews.AgreementView a, Map<String, Object> history) {
        @SuppressWarnings("unchecked")
        List<AuditTrail.Entry> entries = (List<AuditTrail.Entry>) history.get("items");
        List<HistoryRow> rows = new ArrayList<>();
        for (AuditTrail.Entry e : entries) {
            // a reminder HQ asked for is a link sent again, not the scheduler's reminder
            String action = "SigningReminderDue".equals(e.action()) && e.actor() != null && e.actor().startsWith("hq:")
                    ? "SigningLinkResent" : e.action();
            String what = messages.getMessage("agreement.history.action." + action, new Object[]{e.version()},
                    text("agreement.history.action.other"), LocaleContextHolder.getLocale());
            String state = e.state() == null ? "" : messages.getMessage("agreement.state." + e.state(), null,
                    e.state(), LocaleContextHolder.getLocale());
            rows.add(new HistoryRow(e.seq(), e.occurredAt(), actor(a, e.actor()), what, state, e.reason()));
        }
        return rows;
    }

    private String actor(AgreementViews.AgreementView a, String actor) {
        if (actor == null || actor.equals("system")) {
            return text("agreement.actor.system");
        }
        if (actor.startsWith("party:")) {
            String partyId = actor.substring("party:".length());
            return a.parties().stream().filter(p -> p.id().equals(partyId)).findFirst()
                    .map(AgreementViews.PartyView::institution).orElseGet(() -> text("agreement.actor.party"));
        }
        return text("agreement.actor.hq");
    }

    /** Each party's current signing link, for HQ to copy (e.g. when the email was lost). */
    private Map<String, String> signingLinks(String id, AgreementViews.AgreementView a, Authentication api) {
        Map<String, String> links = new java.util.HashMap<>();
        for (AgreementViews.PartyView p : a.parties()) {
            try {
                links.put(p.id(), String.valueOf(agreements.signingLink(id, p.id(), api).get("url")));
            } catch (ApiProblem nothingToSign) {
                // this party has nothing to sign now
            }
        }
        return links;
    }

    /** The state's allowed actions that need no more than a reason: circulate, withdraw, terminate, renew. */
    @PostMapping("/agreements/{id}/actions/{action}")
    String act(@PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "") String reason,
               Authentication authentication, RedirectAttributes redirect) {
        PageUser.require(authentication, Roles.HQ_ADMIN);
        Authentication api = PageUser.asApiAuthentication(authentication);
        if (action.equals("terminate") && (reason.isBlank() || reason.length() > 2000)) {
            redirect.addFlashAttribute("errors", FieldErrors.none().add("reason", text("agreement.error.reason")));
            return "redirect:/agreements/" + id;
        }
        try {
            problems.onPage(() -> switch (action) {
                case "circulate" -> agreements.circulate(id, api);
                case "withdraw" -> agreements.withdraw(id, new AgreementRequests.Withdraw(blank(reason)), api);
                case "renew" -> agreements.renew(id, null, api);
                case "terminate" -> agreements.terminate(id, new AgreementRequests.Terminate(reason.strip()), api);
                default -> throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "Unknown action",
                        "unknown action", null);
            });
            redirect.addFlashAttribute("done", action);
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("errors", FieldErrors.none().add(FieldErrors.FORM, problem.getMessage()));
        }
        return "redirect:/agreements/" + id;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
