package kr.madang.notification.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

import kr.madang.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** What every provider's delivery report must pass before it touches a message (SMS providers, the AlimTalk vendor). */
public final class DeliveryReports {

    private DeliveryReports() {
    }

    /**
     * The provider is known and sent its own callback token (compared in constant time); otherwise a 401 that does not
     * say which of the two was wrong.
     */
    public static void requireToken(String expected, String presented) {
        if (expected == null || expected.isEmpty() || presented == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Unknown provider or wrong callback token", null);
        }
    }

    /** The message id the report names, or a 400 naming the field. */
    public static UUID messageId(String reported) {
        try {
            return UUID.fromString(reported);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("messageId", "is not a message id");
        }
    }
}
