package kr.madang.notification.optout;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.madang.notification.template.Channel;
import kr.madang.notification.template.TemplateRenderer;
import kr.madang.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opt-out by signed link: GET shows a confirmation page (mail scanners that follow links change nothing), POST
 * (the page's button, or a mail client's RFC 8058 one-click request) records it. Operations can also record or
 * lift an opt-out on a recipient's request.
 */
@RestController
public class OptOutController {

    private final OptOuts optOuts;

    public OptOutController(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @GetMapping(value = "/api/opt-out/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Confirmation page of an unsubscribe link")
    @io.swagger.v3.oas.annotations.security.SecurityRequirements // the signed link is the grant
    public String confirmPage(@PathVariable String token) {
        OptOuts.Subject subject = read(token);
        String what = subject.channel() == Channel.EMAIL ? "이메일 / email" : "문자 / SMS";
        return page("알림 수신 거부 / Unsubscribe",
                "<p>디지털지역혁신포럼의 안내성 " + what + " 알림 수신을 중단하시겠습니까? 등록 확정, 취소 등 필수 안내는 계속 발송됩니다.</p>"
                        + "<p>Stop non-essential " + what + " messages from the Digital Regional Innovation Forum? "
                        + "Essential messages (confirmations, cancellations) will still be sent.</p>"
                        + "<form method=\"post\"><button type=\"submit\">수신 거부 / Unsubscribe</button></form>");
    }

    @PostMapping(value = "/api/opt-out/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Record the opt-out (the page's button or an RFC 8058 one-click POST)")
    @io.swagger.v3.oas.annotations.security.SecurityRequirements // the signed link is the grant
    public String optOut(@PathVariable String token) {
        optOuts.optOut(read(token));
        return page("수신 거부 완료 / Unsubscribed",
                "<p>수신 거부가 처리되었습니다. / You will no longer receive non-essential messages on this channel.</p>");
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "A recipient's opt-out from non-essential messages on one channel")
    public record OptOutRequest(
            @io.swagger.v3.oas.annotations.media.Schema(description = "EMAIL, SMS (also covers AlimTalk), or ALIMTALK (the recipient prefers SMS to AlimTalk)", requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED, example = "EMAIL") @NotNull Channel channel,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The email address or phone number (Korean 010-1234-5678 or +country code)",
                    requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED, example = "attendee@example.kr") @NotBlank String address) {
    }

    @PutMapping("/api/opt-outs")
    @Operation(summary = "Record an opt-out on a recipient's request (OPS, HQ_ADMIN)")
    public ResponseEntity<Void> record(@Valid @RequestBody OptOutRequest request) {
        optOuts.optOut(request.address(), request.channel());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/opt-outs")
    @Operation(summary = "Lift an opt-out on a recipient's request (OPS, HQ_ADMIN)")
    public ResponseEntity<Void> lift(@Valid @RequestBody OptOutRequest request) {
        optOuts.optIn(request.address(), request.channel());
        return ResponseEntity.noContent().build();
    }

    private OptOuts.Subject read(String token) {
        return optOuts.read(token).orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid link",
                "This unsubscribe link is not valid or has expired", "token"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + TemplateRenderer.escapeHtml(title)
                + "</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\"><h1>"
                + TemplateRenderer.escapeHtml(title) + "</h1>" + body + "</body></html>";
    }
}
