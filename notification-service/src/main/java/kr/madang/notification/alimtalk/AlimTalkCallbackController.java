package kr.madang.notification.alimtalk;

import java.time.Clock;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.madang.notification.dispatch.DispatchSignal;
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
 * AlimTalk delivery reports: {@code POST /api/alimtalk/callbacks/{provider}} with {@code X-Callback-Token} and
 * {@code {"messageId","status":"DELIVERED"|"FAILED","reason"}} (the vendor's result code, e.g. 3018 "not a KakaoTalk
 * user"). DELIVERED marks the message delivered; FAILED sends the same text by SMS/LMS (대체발송) at once, as a second
 * attempt of the same message.
 */
@RestController
public class AlimTalkCallbackController {

    public enum ReportedStatus { DELIVERED, FAILED }

    @Schema(description = "An AlimTalk vendor's delivery report")
    public record Report(
            @Schema(description = "The message id sent as the vendor's recipientGroupingKey", requiredMode = Schema.RequiredMode.REQUIRED,
                    format = "uuid", example = "3f2b8c1e-6a4d-4e7b-9c2a-1d5e8f0a7b63") @NotBlank String messageId,
            @Schema(description = "DELIVERED or FAILED", requiredMode = Schema.RequiredMode.REQUIRED, example = "FAILED") @NotNull ReportedStatus status,
            @Schema(description = "The vendor's result code, for FAILED", example = "3018") String reason) {
    }

    private final AlimTalkProperties properties;
    private final AlimTalkStore store;
    private final MessageStore messages;
    private final StatusEvents statusEvents;
    private final DispatchSignal signal;
    private final Clock clock;

    public AlimTalkCallbackController(AlimTalkProperties properties, AlimTalkStore store, MessageStore messages,
                                      StatusEvents statusEvents, DispatchSignal signal, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.messages = messages;
        this.statusEvents = statusEvents;
        this.signal = signal;
        this.clock = clock;
    }

    @PostMapping("/api/alimtalk/callbacks/{provider}")
    @Operation(summary = "An AlimTalk vendor's delivery report", description = "Authenticated by the vendor's X-Callback-Token "
            + "header; FAILED sends the message by SMS/LMS instead")
    @io.swagger.v3.oas.annotations.security.SecurityRequirements
    @Transactional
    public ResponseEntity<Void> report(@PathVariable String provider,
                                       @RequestHeader(name = "X-Callback-Token", required = false) String token,
                                       @Valid @RequestBody Report report) {
        DeliveryReports.requireToken(properties.provider().equals(provider) ? properties.callbackToken() : null, token);
        UUID id = DeliveryReports.messageId(report.messageId());
        String providerName = properties.providerName();
        if (report.status() == ReportedStatus.DELIVERED) {
            messages.report(id, providerName, MessageStatus.DELIVERED, null, clock.instant()).ifPresent(m ->
                    statusEvents.changed(m.id().toString(), m.sourceEventId(), m.channel(), m.status(), m.statusVersion(),
                            m.correlationId(), null));
        } else if (store.requeueForFallback(id, providerName, reasonCode(report.reason()), clock.instant()).isPresent()) {
            signal.wakeAfterCommit();
        }
        if (messages.find(id).filter(m -> m.status() == MessageStatus.SENDING && m.provider() == null).isPresent()) {
            // the report overtook our record of the vendor's acceptance: the vendor reports again later
            throw ApiProblem.conflict("Not yet recorded as sent", "Report again shortly");
        }
        return ResponseEntity.noContent().build();
    }

    /** Only a code is kept: free text may echo the phone number. */
    static String reasonCode(String reported) {
        if (reported == null || reported.isBlank()) {
            return "not delivered";
        }
        return reported.matches("[A-Za-z0-9_.:-]{1,40}") ? reported : "not delivered (vendor text withheld)";
    }
}
