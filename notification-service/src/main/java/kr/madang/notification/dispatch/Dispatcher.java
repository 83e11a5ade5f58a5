package kr.madang.notification.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import kr.madang.notification.NotificationProperties;
import kr.madang.notification.message.Message;
import kr.madang.notification.message.MessageStatus;
import kr.madang.notification.message.MessageStore;
import kr.madang.notification.message.MessageStore.Claim;
import kr.madang.notification.message.StatusEvents;
import kr.madang.notification.alimtalk.AlimTalkGateway;
import kr.madang.notification.sms.SmsGateway;
import kr.madang.notification.template.Channel;
import kr.madang.notification.template.TemplateCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due messages. A message is claimed only when one of this instance's send slots is free for it, so its send
 * starts as soon as it is claimed; several instances never take the same row ({@code FOR UPDATE SKIP LOCKED}). Each
 * claim has a token and a lease that this instance renews every quarter lease while the send is in flight, however
 * long the provider takes; only a claim whose instance died or stalled for a whole lease is taken over. The outcome is
 * written in the same statement that ends the lease, and only under the claim's token: a claim that was taken over
 * changes nothing. If an instance crashes after the provider accepted a message but before recording it, the message
 * is sent again after the lease: with the same Message-ID / provider idempotency key, so providers can drop the repeat.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration MAX_FINISH_BACKOFF = Duration.ofSeconds(10);

    private final String instance;
    private final MessageStore messages;
    private final StatusEvents statusEvents;
    private final EmailSender email;
    private final SmsGateway sms;
    private final AlimTalkGateway alimTalk;
    private final RetryPolicy retry;
    private final QuietHours quietHours;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NotificationProperties.Dispatch settings;
    private final Semaphore slots;
    private final SendTracing tracing;
    /** Claims whose send (or the recording of its outcome) is under way: token to message id. */
    private final Map<UUID, UUID> held = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("send-", 0).factory());
    private final ScheduledExecutorService leases;
    private volatile boolean closed;
    /** The last round had free slots left over after its claim: everything due then was taken. */
    private volatile boolean drained;

    public Dispatcher(String instance, MessageStore messages, StatusEvents statusEvents, EmailSender email, SmsGateway sms,
                      RetryPolicy retry, QuietHours quietHours, TransactionTemplate transactions, Clock clock,
                      NotificationProperties.Dispatch settings) {
        this(instance, messages, statusEvents, email, sms, retry, quietHours, transactions, clock, settings, SendTracing.none());
    }

    public Dispatcher(String instance, MessageStore messages, StatusEvents statusEvents, EmailSender email, SmsGateway sms,
                      RetryPolicy retry, QuietHours quietHours, TransactionTemplate transactions, Clock clock,
                      NotificationProperties.Dispatch settings, SendTracing tracing) {
        this(instance, messages, statusEvents, email, sms, null, retry, quietHours, transactions, clock, settings, tracing);
    }

    /** With {@code alimTalk} null, AlimTalk messages go straight to their SMS/LMS fallback. */
    public Dispatcher(String instance, MessageStore messages, StatusEvents statusEvents, EmailSender email, SmsGateway sms,
                      AlimTalkGateway alimTalk, RetryPolicy retry, QuietHours quietHours, TransactionTemplate transactions,
                      Clock clock, NotificationProperties.Dispatch settings, SendTracing tracing) {
        this.alimTalk = alimTalk;
        this.tracing = tracing;
        this.instance = instance;
        this.messages = messages;
        this.statusEvents = statusEvents;
        this.email = email;
        this.sms = sms;
        this.retry = retry;
        this.quietHours = quietHours;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.slots = new Semaphore(settings.concurrency());
        this.leases = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lease-" + instance).daemon().factory());
        long every = renewEvery().toMillis();
        leases.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    public String instance() {
        return instance;
    }

    /**
     * One round: waits (at most a poll interval) for a free send slot, claims as many due messages as there are free
     * slots (at most the batch size) and starts sending them. Returns how many it claimed; the sends go on in the
     * background and each frees its slot when its outcome is recorded.
     */
    public int dispatchDue() {
        int taken = takeSlots();
        drained = false;
        if (taken == 0) {
            return 0;
        }
        List<Claim> claimed;
        try {
            Instant now = clock.instant();
            claimed = transactions.execute(tx -> {
                List<Claim> rows = messages.claim(instance, taken, now, now.plus(settings.lease()));
                rows.forEach(c -> statusEvents.changed(c.message().id().toString(), c.message().sourceEventId(),
                        c.message().channel(), MessageStatus.SENDING, c.message().statusVersion(), c.message().correlationId(), null));
                return rows;
            });
        } catch (RuntimeException e) {
            slots.release(taken);
            throw e;
        }
        int count = claimed == null ? 0 : claimed.size();
        drained = count < taken;
        slots.release(taken - count);
        for (int i = 0; i < count; i++) {
            Claim claim = claimed.get(i);
            held.put(claim.token(), claim.message().id());
            try {
                senders.execute(() -> send(claim));
            } catch (RuntimeException e) {
                // closing: this and the rest are left to their leases, none was sent
                for (int j = i; j < count; j++) {
                    held.remove(claimed.get(j).token());
                    slots.release();
                }
                throw e;
            }
        }
        return count;
    }

    /**
     * True when the last round claimed fewer messages than it had free slots for, so nothing else was due then: the
     * next round can wait for new messages or the poll. Claiming again at once found nothing almost every time, and
     * made 1.7 claim transactions per email under load (issue 15's statement log). False after a full round or one
     * that found no free slot.
     */
    public boolean nothingMoreDue() {
        return drained;
    }

    private int takeSlots() {
        try {
            if (closed || !slots.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int taken = 1;
        while (taken < settings.batchSize() && slots.tryAcquire()) {
            taken++;
        }
        return taken;
    }

    private void send(Claim claim) {
        Message message = claim.message();
        try {
            // each send continues the trace its message was queued in
            tracing.send(claim.traceparent(), message.channel().name(), () -> deliver(claim));
        } catch (RuntimeException e) {
            // not sent, or not recorded: the lease runs out and a later round retries it
            log.error("Dispatch of message {} failed unexpectedly", message.id(), e);
        } finally {
            held.remove(claim.token());
            slots.release();
        }
    }

    /** Keeps the leases of the claims in flight ahead of the clock; a claim missing from the answer was taken over. */
    private void renewLeases() {
        if (held.isEmpty()) {
            return;
        }
        Set<UUID> tokens = Set.copyOf(held.keySet());
        try {
            Set<UUID> renewed = messages.renew(tokens, clock.instant().plus(settings.lease()));
            for (UUID token : tokens) {
                UUID id = held.get(token);
                if (!renewed.contains(token) && id != null) {
                    log.warn("The claim of message {} by {} was taken over while its send was under way", id, instance);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Renewing {} lease(s) of {} failed: {}", tokens.size(), instance, e.toString());
        }
    }

    private Duration renewEvery() {
        return settings.lease().dividedBy(4).compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50)
                : settings.lease().dividedBy(4);
    }

    void deliver(Claim claim) {
        Message message = claim.message();
        Instant now = clock.instant();
        if (message.recipient() == null) {
            finish(claim, MessageStatus.PERMANENT_FAILURE, "recipient data erased", null, null, null, List.of(), null);
            return;
        }
        if (heldAtNight(message) && quietHours.isQuiet(now)) {
            // held until the morning: not an attempt, so it neither counts nor starts the retry window
            finish(claim, MessageStatus.QUEUED, "held for quiet hours", quietHours.nextAllowed(now), null, null, List.of(), null);
            return;
        }
        DeliveryResult result = switch (message.channel()) {
            case EMAIL -> email.send(message);
            case SMS -> sms.send(message);
            case ALIMTALK -> alimTalk != null ? alimTalk.send(message) : sms.send(message);
        };
        switch (result) {
            case DeliveryResult.Accepted a ->
                    finish(claim, MessageStatus.SENT, null, null, a.provider(), a.providerMessageId(), a.tries(), now);
            case DeliveryResult.Refused r ->
                    finish(claim, MessageStatus.PERMANENT_FAILURE, r.reason(), null, null, null, r.tries(), now);
            case DeliveryResult.Unavailable u -> {
                // the window counts from the first real attempt (this one, if none came before)
                Instant first = message.firstAttemptAt() != null ? message.firstAttemptAt() : now;
                Optional<Instant> next = retry.nextAttempt(message.attempts(), first, clock.instant());
                if (next.isPresent()) {
                    Instant at = next.get();
                    if (heldAtNight(message)) {
                        at = quietHours.nextAllowed(at);
                    }
                    finish(claim, MessageStatus.TEMPORARY_FAILURE, u.reason(), at, null, null, u.tries(), now);
                } else {
                    finish(claim, MessageStatus.TECHNICAL_FAILURE, "retries exhausted: " + u.reason(), null, null, null,
                            u.tries(), now);
                }
            }
        }
    }

    /**
     * Quiet hours hold SMS whose template is a reminder or an announcement; the purpose is the catalog's, so a
     * message queued before a template was reclassified follows today's rule. Email is never held.
     */
    static boolean heldAtNight(Message message) {
        return message.channel().toPhone() && TemplateCatalog.find(message.templateCode())
                .map(spec -> spec.purpose().heldDuringQuietHours())
                .orElse(!message.urgent());
    }

    /**
     * Records the outcome under the claim's token. The send has happened: if the database is briefly away the
     * recording is retried while the lease is kept renewed, rather than left to a lease that would send it again.
     */
    private void finish(Claim claim, MessageStatus status, String reason, Instant next, String provider,
                        String providerMessageId, List<DeliveryResult.ProviderAttempt> tries, Instant attemptedAt) {
        Message message = claim.message();
        Duration backoff = Duration.ofMillis(100);
        Optional<Integer> version;
        while (true) {
            // renewal pauses for the few milliseconds of the write, so a claim it misses is one really taken over
            held.remove(claim.token());
            try {
                version = transactions.execute(tx -> record(claim, status, reason, next, provider, providerMessageId, tries, attemptedAt));
                break;
            } catch (DataAccessException | TransactionException e) {
                held.put(claim.token(), message.id());
                if (closed) {
                    log.warn("Could not record {} for message {} before shutting down: its lease decides", status, message.id());
                    throw e;
                }
                log.warn("Recording {} for message {} failed, retrying in {} ms: {}", status, message.id(), backoff.toMillis(),
                        e.toString());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_FINISH_BACKOFF) > 0 ? MAX_FINISH_BACKOFF : backoff.multipliedBy(2);
            }
        }
        if (version == null || version.isEmpty()) {
            log.warn("Message {} was taken over by another claim before {} could record {}", message.id(), instance, status);
        } else if (status == MessageStatus.SENT) {
            log.info("Message {} ({} {}) sent via {}", message.id(), message.templateCode(), message.channel(), provider);
        } else {
            log.info("Message {} ({} {}) is {}: {}", message.id(), message.templateCode(), message.channel(), status, reason);
        }
    }

    private Optional<Integer> record(Claim claim, MessageStatus status, String reason, Instant next, String provider,
                                     String providerMessageId, List<DeliveryResult.ProviderAttempt> tries,
                                     Instant attemptedAt) {
        Message message = claim.message();
        Optional<Integer> version = messages.finish(message.id(), claim.token(), status, reason, next, provider,
                providerMessageId, attemptedAt, clock.instant());
        if (version.isEmpty()) {
            return version;
        }
        for (DeliveryResult.ProviderAttempt attempt : tries) {
            messages.recordAttempt(message.id(), message.attempts(), attempt.provider(), attempt.startedAt(),
                    attempt.finishedAt(), attempt.outcome(), attempt.detail(),
                    attempt.channel() != null ? attempt.channel() : message.channel());
        }
        statusEvents.changed(message.id().toString(), message.sourceEventId(), message.channel(), status, version.get(),
                message.correlationId(), reason);
        return version;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims nothing more, lets the sends under way finish and record (for a while), then stops renewing leases. */
    public void close() {
        closed = true;
        senders.shutdown();
        try {
            if (!senders.awaitTermination(20, TimeUnit.SECONDS)) {
                log.warn("{} stopped with {} send(s) under way: their leases decide", instance, held.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.shutdownNow();
    }

    public static String newInstanceId() {
        return "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
