package kr.madang.notification.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters for operations: list them with their reason, replay one or all, discard, see the audit. */
@RestController
@RequestMapping("/api/dead-letters")
@Validated
public class DeadLetterController {

    private final DeadLetterStore store;
    private final DeadLetterReplayer replayer;
    private final java.time.Clock clock;

    public DeadLetterController(DeadLetterStore store, DeadLetterReplayer replayer, java.time.Clock clock) {
        this.store = store;
        this.replayer = replayer;
        this.clock = clock;
    }

    public record View(long id, String sourceTopic, Integer sourcePartition, Long sourceOffset, String key,
                       String eventType, String eventId, String reason, String exceptionClass, Instant receivedAt,
                       String status, int replayCount, Instant lastReplayedAt, int payloadBytes,
                       Map<String, String> headers) {

        static View of(DeadLetter d) {
            Map<String, String> readable = new LinkedHashMap<>();
            d.headers().forEach((name, value) -> {
                byte[] bytes = Base64.getDecoder().decode(value);
                boolean binary = name.endsWith("-partition") || name.endsWith("-offset") || name.endsWith("-timestamp")
                        || name.endsWith("stacktrace") || name.startsWith("springDeserializerException");
                if (!binary) {
                    readable.put(name, new String(bytes, StandardCharsets.UTF_8));
                }
            });
            return new View(d.id(), d.sourceTopic(), d.sourcePartition(), d.sourceOffset(), d.key(), d.eventType(),
                    d.eventId(), d.reason(), d.exceptionClass(), d.receivedAt(), d.status(), d.replayCount(),
                    d.lastReplayedAt(), d.payload() == null ? 0 : d.payload().length, readable);
        }
    }

    public record PageOf(List<View> items, int page, int size, long total) {
    }

    public record Detail(View deadLetter, List<DeadLetterStore.Replay> replays) {
    }

    public record BulkOutcome(int replayed, int failed, List<DeadLetterReplayer.Outcome> outcomes, List<Map<String, Object>> failures) {
    }

    @GetMapping
    @Operation(summary = "Dead letters, oldest first (status PENDING, REPLAYED, RESOLVED, DISCARDED)")
    public PageOf list(@RequestParam(required = false) String status, @RequestParam(required = false) String sourceTopic,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (status != null && !List.of(DeadLetter.PENDING, DeadLetter.REPLAYED, DeadLetter.RESOLVED, DeadLetter.DISCARDED)
                .contains(status)) {
            throw ApiProblem.badField("status", "must be PENDING, REPLAYED, RESOLVED or DISCARDED");
        }
        DeadLetterStore.Page result = store.list(status, sourceTopic, page, size);
        return new PageOf(result.items().stream().map(View::of).toList(), page, size, result.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter: its reason, source position, payload and replays")
    public Detail get(@PathVariable long id) {
        DeadLetter letter = store.find(id).orElseThrow(() -> ApiProblem.notFound("Dead letter " + id));
        return new Detail(View.of(letter), store.replays(id));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Replay one: REPUBLISH to its source topic (default) or process DIRECT; audited")
    public DeadLetterReplayer.Outcome replay(@PathVariable long id,
                                             @RequestParam(defaultValue = "REPUBLISH") DeadLetterReplayer.Mode mode,
                                             Authentication authentication) {
        return replayer.replay(id, mode, CurrentUser.of(authentication).subject());
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay every PENDING dead letter (up to limit), each audited")
    public BulkOutcome replayAll(@RequestParam(defaultValue = "REPUBLISH") DeadLetterReplayer.Mode mode,
                                 @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
                                 Authentication authentication) {
        String actor = CurrentUser.of(authentication).subject();
        List<DeadLetterReplayer.Outcome> outcomes = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        for (long id : store.pendingIds(limit)) {
            try {
                outcomes.add(replayer.replay(id, mode, actor));
            } catch (ApiProblem e) {
                failures.add(Map.of("deadLetterId", id, "reason", String.valueOf(e.getMessage())));
            }
        }
        return new BulkOutcome(outcomes.size(), failures.size(), outcomes, failures);
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Mark a dead letter as not to be replayed")
    public View discard(@PathVariable long id, Authentication authentication) {
        store.find(id).orElseThrow(() -> ApiProblem.notFound("Dead letter " + id));
        store.discard(id);
        store.audit(id, "DISCARD", CurrentUser.of(authentication).subject(), clock.instant(), "DISCARDED", null);
        return View.of(store.find(id).orElseThrow());
    }
}
