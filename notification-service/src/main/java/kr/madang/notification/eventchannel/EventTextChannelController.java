package kr.madang.notification.eventchannel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Per-forum-event text channel (AlimTalk or SMS/LMS only), for ops (OPS, HQ_ADMIN); the pages use it too. */
@RestController
public class EventTextChannelController {

    private final EventTextChannels channels;

    public EventTextChannelController(EventTextChannels channels) {
        this.channels = channels;
    }

    @Schema(description = "How text messages to a forum event's attendees go")
    public record ChoiceRequest(
            @Schema(description = "ALIMTALK (KakaoTalk AlimTalk, falling back to SMS/LMS) or SMS (SMS/LMS only)",
                    requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ALIMTALK", "SMS"}, example = "SMS")
            String channel) {
    }

    @GetMapping("/api/forum-events/text-channels")
    @Operation(summary = "The text channel of every forum event this service knows (OPS, HQ_ADMIN)")
    public List<EventTextChannels.ForumEventChannel> list() {
        return channels.all();
    }

    @GetMapping("/api/forum-events/{forumEventId}/text-channel")
    @Operation(summary = "The text channel of one forum event (OPS, HQ_ADMIN)")
    public EventTextChannels.ForumEventChannel get(@PathVariable String forumEventId) {
        return channels.find(forumEventId).orElseThrow(() -> ApiProblem.notFound("Forum event " + forumEventId));
    }

    @PutMapping("/api/forum-events/{forumEventId}/text-channel")
    @Operation(summary = "Choose AlimTalk or SMS/LMS only for one forum event's attendees (OPS, HQ_ADMIN); "
            + "a recipient's own opt-out or preference still wins")
    public EventTextChannels.ForumEventChannel choose(@PathVariable String forumEventId,
                                                      @RequestBody(required = false) ChoiceRequest request,
                                                      Authentication authentication) {
        TextChannel channel = parse(request == null ? null : request.channel());
        get(forumEventId);
        channels.choose(forumEventId, channel, CurrentUser.of(authentication).subject());
        return get(forumEventId);
    }

    /** The channel named, or a problem naming the field {@code channel}. */
    public static TextChannel parse(String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badField("channel", "is required: ALIMTALK or SMS");
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(TextChannel.values()).filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiProblem.badField("channel", "must be ALIMTALK or SMS"));
    }
}
