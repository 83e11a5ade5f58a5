package kr.madang.notification.message;

import java.time.Clock;

import kr.madang.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Personal data is kept only as long as needed: content and addresses of final messages go after the retention period. */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final MessageStore messages;
    private final Clock clock;
    private final NotificationProperties properties;

    public Retention(MessageStore messages, Clock clock, NotificationProperties properties) {
        this.messages = messages;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void sweep() {
        int forgotten = messages.forgetContentBefore(clock.instant().minus(properties.retention()));
        if (forgotten > 0) {
            log.info("Retention: forgot the content and address of {} message(s)", forgotten);
        }
    }
}
