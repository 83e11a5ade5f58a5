package kr.madang.notification.alimtalk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import kr.madang.notification.dispatch.DeliveryResult;
import kr.madang.notification.message.Message;
import kr.madang.notification.sms.ProviderBreakers;
import kr.madang.notification.sms.SmsGateway;
import kr.madang.notification.template.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an AlimTalk message, and when it cannot go (the vendor refuses it, e.g. the recipient is not a KakaoTalk
 * user; the vendor is down or its circuit is open; the number is not a Korean mobile) sends the same text by SMS/LMS
 * through {@link SmsGateway} at once (대체발송): one message, its attempts naming their channel. The vendor has a
 * Resilience4j circuit breaker configured as each SMS provider's: a refusal counts as the vendor working.
 */
public class AlimTalkGateway {

    public static final String PROVIDER_PREFIX = "alimtalk-";
    private static final Logger log = LoggerFactory.getLogger(AlimTalkGateway.class);

    private final AlimTalkProvider provider;
    private final String providerName;
    private final boolean enabled;
    private final CircuitBreaker breaker;
    private final AlimTalkStore store;
    private final SmsGateway sms;
    private final Clock clock;
    private final Predicate<String> smsOnlyEvent;

    public AlimTalkGateway(AlimTalkProperties properties, AlimTalkProvider provider, AlimTalkStore store, SmsGateway sms,
                           Clock clock) {
        this(properties, provider, store, sms, clock, forumEventId -> false);
    }

    /** {@code smsOnlyEvent}: true for a forum event whose text messages ops switched to SMS/LMS only. */
    public AlimTalkGateway(AlimTalkProperties properties, AlimTalkProvider provider, AlimTalkStore store, SmsGateway sms,
                           Clock clock, Predicate<String> smsOnlyEvent) {
        this.smsOnlyEvent = smsOnlyEvent;
        this.provider = provider;
        this.providerName = properties.providerName();
        this.enabled = properties.enabled() && provider != null;
        this.store = store;
        this.sms = sms;
        this.clock = clock;
        AlimTalkProperties.Breaker b = properties.breaker();
        this.breaker = ProviderBreakers.breaker(providerName, b.failureRateThreshold(), b.slidingWindowSize(),
                b.minimumCalls(), b.openFor(), AlimTalkProvider.NotDeliverableException.class);
    }

    public DeliveryResult send(Message message) {
        List<DeliveryResult.ProviderAttempt> tries = new ArrayList<>();
        Optional<AlimTalkStore.Extra> extra = store.find(message.id());
        if (!enabled || extra.isEmpty() || extra.get().fallenBackAt() != null) {
            // switched off, or already given up on AlimTalk (a refusal, a failed delivery report): SMS only
            return fallback(message, tries);
        }
        if (message.forumEventId() != null && smsOnlyEvent.test(message.forumEventId())) {
            // queued before ops switched its forum event to SMS/LMS only: the switch holds from now on
            return fallback(message, tries);
        }
        Instant started = clock.instant();
        String recipientNo = domesticMobile(message.recipient());
        if (recipientNo == null) {
            tries.add(attempt(started, "SKIPPED", "not a Korean mobile number"));
            store.fallBack(message.id(), started);
            return fallback(message, tries);
        }
        Supplier<String> call = CircuitBreaker.decorateSupplier(breaker, () -> provider.send(message.id().toString(),
                recipientNo, extra.get().vendorTemplateCode(), message.bodyText(), extra.get().buttons()));
        try {
            String requestId = call.get();
            tries.add(attempt(started, "ACCEPTED", requestId));
            return new DeliveryResult.Accepted(providerName, requestId, tries);
        } catch (CallNotPermittedException e) {
            tries.add(attempt(started, "SKIPPED", "circuit open"));
        } catch (AlimTalkProvider.NotDeliverableException e) {
            tries.add(attempt(started, "REFUSED", e.getMessage()));
            store.fallBack(message.id(), clock.instant());
        } catch (RuntimeException e) {
            String reason = e instanceof AlimTalkProvider.VendorUnavailableException ? e.getMessage()
                    : "unexpected answer: " + e.getClass().getSimpleName();
            log.warn("AlimTalk vendor {} failed for message {}: {}", providerName, message.id(), reason);
            tries.add(attempt(started, "UNAVAILABLE", reason));
        }
        return fallback(message, tries);
    }

    /** The same text by SMS/LMS; the AlimTalk tries come first in the message's attempts. */
    private DeliveryResult fallback(Message message, List<DeliveryResult.ProviderAttempt> alimTalkTries) {
        DeliveryResult viaSms = sms.send(message);
        List<DeliveryResult.ProviderAttempt> tries = new ArrayList<>(alimTalkTries);
        viaSms.tries().forEach(t -> tries.add(t.on(Channel.SMS)));
        return switch (viaSms) {
            case DeliveryResult.Accepted a -> new DeliveryResult.Accepted(a.provider(), a.providerMessageId(), tries);
            case DeliveryResult.Refused r -> new DeliveryResult.Refused(r.reason(), tries);
            case DeliveryResult.Unavailable u -> new DeliveryResult.Unavailable(u.reason(), tries);
        };
    }

    private DeliveryResult.ProviderAttempt attempt(Instant started, String outcome, String detail) {
        return new DeliveryResult.ProviderAttempt(providerName, started, clock.instant(), outcome, detail, Channel.ALIMTALK);
    }

    /** +8210… or 010… → 010…; anything else (a foreign or landline number) has no AlimTalk here. */
    static String domesticMobile(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+82")) {
            digits = "0" + digits.substring(3);
        }
        return digits.matches("01[016789]\\d{7,8}") ? digits : null;
    }

    public String providerName() {
        return providerName;
    }

    public String circuitState() {
        return breaker.getState().name();
    }

    /** Closes the circuit (ops after a vendor incident, and tests). */
    public void resetCircuit() {
        breaker.reset();
    }
}
