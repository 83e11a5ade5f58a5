package kr.madang.registration.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kr.madang.registration.attendee.RegistrationRepository;
import kr.madang.registration.attendee.RegistrationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases attendees' personal data a configurable number of days after their event ends (PIPA: kept no longer than
 * its purpose needs), each erasure with its AttendeeDataErased event so every other service deletes its copy.
 * One transaction per registration, so a long backlog neither holds locks nor starts over after a failure; several
 * instances may run it at once (erasing twice changes nothing).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 500;

    private final RegistrationRepository registrations;
    private final RegistrationService service;
    private final Clock clock;
    private final Duration retention;

    public RetentionJob(RegistrationRepository registrations, RegistrationService service, Clock clock,
                        @Value("${madang.registration.retention-days:90}") int retentionDays) {
        this.registrations = registrations;
        this.service = service;
        this.clock = clock;
        this.retention = Duration.ofDays(retentionDays);
    }

    @Scheduled(cron = "${madang.registration.retention-cron:0 30 3 * * *}", zone = "Asia/Seoul")
    public int run() {
        Instant endedBefore = clock.instant().minus(retention);
        int erased = 0;
        while (true) {
            List<UUID> due = registrations.dueForErasure(endedBefore, BATCH);
            if (due.isEmpty()) {
                break;
            }
            for (UUID id : due) {
                service.eraseForRetention(id);
                erased++;
            }
        }
        if (erased > 0) {
            log.info("Retention: erased the personal data of {} registrations of events ended before {}", erased,
                    endedBefore);
        }
        return erased;
    }
}
