package kr.madang.notification.template;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Templates for operations: list the live versions, view one with its history, save a new version (checked: known
 * placeholders only, a subject for email, an SMS that fits an LMS), and preview with sample or given values.
 */
@RestController
@RequestMapping("/api/templates")
public class TemplateController {

    private final TemplateStore templates;
    private final Clock clock;

    public TemplateController(TemplateStore templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    public record TemplateView(String code, Channel channel, String language, int version, String subject, String body,
                               java.time.Instant createdAt, String createdBy, boolean essential, MessagePurpose purpose,
                               Set<String> placeholders, Integer smsBytesWithSamples, Template.AlimTalk alimTalk) {

        static TemplateView of(Template t) {
            TemplateSpec spec = TemplateCatalog.get(t.code());
            Integer bytes = t.channel() != Channel.EMAIL
                    ? SmsLength.eucKrBytes(TemplateRenderer.fill(t.body(), spec.placeholders())) : null;
            return new TemplateView(t.code(), t.channel(), t.language(), t.version(), t.subject(), t.body(), t.createdAt(),
                    t.createdBy(), spec.essential(), spec.purpose(), spec.placeholders().keySet(), bytes, t.alimTalk());
        }
    }

    public record TemplateHistory(TemplateView current, List<TemplateView> versions) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "A template's new version; placeholders are {{name}} of the template's event")
    public record NewVersion(
            @io.swagger.v3.oas.annotations.media.Schema(description = "Email subject (email templates only)", maxLength = 300,
                    example = "[디지털포럼] {{eventTitle}} 등록이 확정되었습니다") @Size(max = 300) String subject,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The message body with its placeholders; an SMS at most 2,000 EUC-KR bytes",
                    requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED, maxLength = 20_000, example = "{{name}}님, {{eventTitle}} 등록이 확정되었습니다.")
            @NotBlank @Size(max = 20_000) String body,
            @io.swagger.v3.oas.annotations.media.Schema(description = "AlimTalk only: the template code the vendor approved for this text",
                    maxLength = 20, example = "MDG_CONFIRMED_01") @Size(max = 20) String alimtalkTemplateCode,
            @io.swagger.v3.oas.annotations.media.Schema(description = "AlimTalk only: at most 5 web-link buttons (name up to 14 characters, "
                    + "link http(s) or a link placeholder such as {{ticketUrl}})") @Size(max = 20) List<Template.Button> buttons,
            @io.swagger.v3.oas.annotations.media.Schema(description = "AlimTalk only: false when the vendor withdrew or paused the "
                    + "template (its messages then go by SMS); true when absent") Boolean alimtalkActive) {

        public NewVersion(String subject, String body) {
            this(subject, body, null, null, null);
        }

        Template.AlimTalk alimTalk() {
            return new Template.AlimTalk(alimtalkTemplateCode, buttons, alimtalkActive == null || alimtalkActive);
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "What to render: a draft (or the live version when absent) with sample values")
    public record PreviewRequest(
            @io.swagger.v3.oas.annotations.media.Schema(description = "Draft subject; the live one when absent", maxLength = 300) @Size(max = 300)
            String subject,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Draft body; the live one when absent", maxLength = 20_000) @Size(max = 20_000)
            String body,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Placeholder values by name; the template's samples for those absent",
                    example = "{\"name\": \"김지현\"}") Map<String, String> values) {
    }

    public record Preview(String subject, String text, String html, String smsType, Integer smsBytes) {
    }

    @GetMapping
    @Operation(summary = "The live version of every template")
    public List<TemplateView> list() {
        return templates.currentAll().stream().map(TemplateView::of).toList();
    }

    @GetMapping("/{code}/{channel}/{language}")
    @Operation(summary = "A template's live version and its history")
    public TemplateHistory get(@PathVariable String code, @PathVariable Channel channel, @PathVariable String language) {
        check(code, language);
        List<TemplateView> versions = templates.versions(code, channel, language).stream().map(TemplateView::of).toList();
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("Template " + code + "/" + channel + "/" + language);
        }
        return new TemplateHistory(versions.getFirst(), versions);
    }

    @PutMapping("/{code}/{channel}/{language}")
    @Operation(summary = "Save a new version; refused if it uses unknown placeholders or an SMS is over 2,000 EUC-KR bytes")
    public TemplateView save(@PathVariable String code, @PathVariable Channel channel, @PathVariable String language,
                             @Valid @RequestBody NewVersion request, Authentication authentication) {
        TemplateSpec spec = check(code, language);
        List<TemplateRules.Violation> violations = new java.util.ArrayList<>(
                TemplateRules.check(spec, channel, request.subject(), request.body()));
        if (channel == Channel.ALIMTALK) {
            violations.addAll(TemplateRules.checkAlimTalk(spec, request.body(), request.alimTalk()));
        }
        refuseViolations(violations);
        String subject = channel == Channel.EMAIL ? request.subject() : null;
        return TemplateView.of(templates.addVersion(code, channel, language, subject, request.body(),
                channel == Channel.ALIMTALK ? request.alimTalk() : null, clock.instant(),
                CurrentUser.of(authentication).subject()));
    }

    @PostMapping("/{code}/{channel}/{language}/preview")
    @Operation(summary = "Render the live version, or a draft given in the body, with sample or given values")
    public Preview preview(@PathVariable String code, @PathVariable Channel channel, @PathVariable String language,
                           @Valid @RequestBody(required = false) PreviewRequest request) {
        TemplateSpec spec = check(code, language);
        String subject;
        String body;
        if (request != null && request.body() != null) {
            refuseViolations(TemplateRules.check(spec, channel, request.subject(), request.body()));
            subject = request.subject();
            body = request.body();
        } else {
            Template live = templates.current(code, channel, language)
                    .orElseThrow(() -> ApiProblem.notFound("Template " + code + "/" + channel + "/" + language));
            subject = live.subject();
            body = live.body();
        }
        Map<String, String> values = TemplateCatalog.samples(spec, language);
        if (request != null && request.values() != null) {
            request.values().forEach((name, value) -> {
                if (!spec.allows(name)) {
                    throw ApiProblem.badField("values." + name, "is not a placeholder of " + code);
                }
                values.put(name, value);
            });
        }
        String renderedSubject = TemplateRenderer.fill(subject, values);
        String text = TemplateRenderer.fill(body, values);
        if (channel != Channel.EMAIL) {
            int bytes = SmsLength.eucKrBytes(text);
            String type = bytes <= SmsLength.SMS_MAX_BYTES ? "SMS" : bytes <= SmsLength.LMS_MAX_BYTES ? "LMS" : "TOO_LONG";
            return new Preview(null, text, null, type, bytes);
        }
        String unsubscribe = spec.essential() ? null : "https://madang.example.kr/api/opt-out/preview";
        return new Preview(renderedSubject, TemplateRenderer.text(text, language, unsubscribe),
                TemplateRenderer.html(renderedSubject, text, language, unsubscribe), null, null);
    }

    private static TemplateSpec check(String code, String language) {
        if (!"ko".equals(language) && !"en".equals(language)) {
            throw ApiProblem.badField("language", "must be ko or en");
        }
        return TemplateCatalog.find(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Not found",
                "No template code " + code, "code"));
    }

    private static void refuseViolations(List<TemplateRules.Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        TemplateRules.Violation first = violations.getFirst();
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Template refused", first.message(), first.field())
                .with("errors", violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    }
}
