package kr.madang.agreement.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link DueWork} every minute (configurable); off where tests drive time themselves. */
@Component
@ConditionalOnProperty(name = "madang.agreements.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class DueWorkSchedule {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DueWorkSchedule.class);

    private final DueWork work;

    DueWorkSchedule(DueWork work) {
        this.work = work;
    }

    @Scheduled(fixedDelayString = "${madang.agreements.scheduler.interval:PT1M}", initialDelayString = "PT10S")
    void run() {
        int handled = work.runDue();
        if (handled > 0) {
            log.info("Time-driven work done on {} agreement(s)", handled);
        }
    }
}
