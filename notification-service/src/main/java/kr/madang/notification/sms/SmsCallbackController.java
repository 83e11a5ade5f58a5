package kr.madang.notification.sms;

import java.time.Clock;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.madang.notification.message.MessageStatus;
import kr.madang.notification.message.DeliveryReports;
import kr.madang.notification.message.MessageStore;
import kr.madang.notification.message.StatusEvents;
import kr.madang.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery reports from SMS providers: {@code POST /api/sms/callbacks/{provider}} with header
 * {@code X-Callback-Token} and body {@code {"messageId": "<our id>", "status": "DELIVERED"|"FAILED", "reason": "..."}}.
 */
@RestController
public class SmsCallbackController {

    public enum ReportedStatus { DELIVERED, FAILED }

    @io.swagger.v3.oas.annotations.media.Schema(description = "An SMS provider's delivery report")
    public record Report(
            @io.swagger.v3.oas.annotations.media.Schema(description = "The message id given to the provider when sending", requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED, format = "uuid",
                    example = "3f2b8c1e-6a4d-4e7b-9c2a-1d5e8f0a7b63") @NotBlank String messageId,
            @io.swagger.v3.oas.annotations.media.Schema(description = "DELIVERED or FAILED", requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED, example = "DELIVERED") @NotNull ReportedStatus status,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The provider's failure code, for FAILED", example = "E301")
            String reason) {
    }

    private final SmsProperties properties;
    private final MessageStore messages;
    private final StatusEvents statusEvents;
    private final Clock clock;

    public SmsCallbackController(SmsProperties properties, MessageStore messages, StatusEvents statusEvents, Clock clock) {
        this.properties = properties;
        this.messages = messages;
        this.statusEvents = statusEvents;
        this.clock = clock;
    }

    @PostMapping("/api/sms/callbacks/{provider}")
    @Operation(summary = "A provider's delivery report", description = "Authenticated by the provider's "
            + "X-Callback-Token header, not by a bearer token")
    @io.swagger.v3.oas.annotations.security.SecurityRequirements
    @Transactional
    public ResponseEntity<Void> report(@PathVariable String provider,
                                       @RequestHeader(name = "X-Callback-Token", required = false) String token,
                                       @Valid @RequestBody Report report) {
        SmsProperties.Provider settings = properties.providers().get(provider);
        DeliveryReports.requireToken(settings == null ? null : settings.callbackToken(), token);
        UUID id = DeliveryReports.messageId(report.messageId());
        MessageStatus status = report.status() == ReportedStatus.DELIVERED ? MessageStatus.DELIVERED : MessageStatus.PERMANENT_FAILURE;
        String reason = report.status() == ReportedStatus.FAILED ? "provider reported: " + reasonCode(report.reason()) : null;
        var updated = messages.report(id, provider, status, reason, clock.instant());
        if (updated.isPresent()) {
            var m = updated.get();
            statusEvents.changed(m.id().toString(), m.sourceEventId(), m.channel(), m.status(), m.statusVersion(),
                    m.correlationId(), reason);
        } else if (messages.find(id).filter(m -> m.status() == MessageStatus.SENDING).isPresent()) {
            // the report overtook our record of the provider's acceptance: the provider retries its report later
            throw ApiProblem.conflict("Not yet recorded as sent", "Report again shortly");
        }
        // unknown or already final: accepted all the same, so the provider stops retrying its report
        return ResponseEntity.noContent().build();
    }

    /**
     * A provider's reason is kept only when it is a code; free text (which may echo the phone) is withheld, since
     * the reason is stored, shown and published in NotificationStatusChanged.
     */
    static String reasonCode(String reported) {
        if (reported == null || reported.isBlank()) {
            return "not delivered";
        }
        return reported.matches("[A-Za-z_][A-Za-z0-9_.:-]{0,39}") ? reported : "not delivered (provider text withheld)";
    }
}
