package kr.madang.notification.deadletter;

import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import kr.madang.notification.routing.SourceEventHandler;
import kr.madang.platform.web.ApiProblem;
import kr.madang.schemas.avro.AvroEventDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a dead letter after its cause is fixed, with an audit record of who did it, how, and what came of it.
 * REPUBLISH sends the original record (key, value, headers) back to its source topic for the normal consumer;
 * DIRECT decodes and processes it here and now. Either way the event is applied at most once: the consumer's
 * processed-event guard drops a replay of an event that was applied already.
 */
@Service
public class DeadLetterReplayer {

    public enum Mode { REPUBLISH, DIRECT }

    public record Outcome(long deadLetterId, Mode mode, String outcome, String detail) {
    }

    private final DeadLetterStore store;
    private final KafkaTemplate<String, Object> kafka;
    private final SourceEventHandler handler;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    public DeadLetterReplayer(DeadLetterStore store, KafkaTemplate<String, Object> kafka, SourceEventHandler handler,
                              TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.kafka = kafka;
        this.handler = handler;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Replays under the dead letter's row lock, held until the replay and its audit commit: a second replay of the same
     * dead letter at the same time is refused (409) instead of running twice. A failed replay rolls back and is
     * audited in a transaction of its own.
     */
    public Outcome replay(long id, Mode mode, String actor) {
        try {
            return transactions.execute(tx -> {
                DeadLetter letter = store.lock(id).orElseThrow(() -> store.find(id).isPresent()
                        ? ApiProblem.conflict("Replay under way", "Dead letter " + id + " is being replayed right now")
                                .with("deadLetterId", id)
                        : ApiProblem.notFound("Dead letter " + id));
                if (DeadLetter.DISCARDED.equals(letter.status())) {
                    throw ApiProblem.conflict("Discarded", "Dead letter " + id + " was discarded").with("status", letter.status());
                }
                return mode == Mode.REPUBLISH ? republish(letter, actor) : direct(letter, actor);
            });
        } catch (ReplayFailed failed) {
            audit(failed.letter, mode, actor, "FAILED", failed.detail, null);
            throw failed.problem;
        }
    }

    /** A replay that did not happen: rolled back with the lock, then audited on its own. */
    private static final class ReplayFailed extends RuntimeException {
        private final DeadLetter letter;
        private final String detail;
        private final ApiProblem problem;

        ReplayFailed(DeadLetter letter, String detail, ApiProblem problem) {
            super(detail, null, false, false);
            this.letter = letter;
            this.detail = detail;
            this.problem = problem;
        }
    }

    private Outcome republish(DeadLetter letter, String actor) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(letter.sourceTopic(), letter.key(),
                letter.payload() == null ? new byte[0] : letter.payload());
        letter.headers().forEach((name, value) -> {
            if (!name.startsWith("kafka_dlt-") && !name.startsWith("springDeserializerException")) {
                record.headers().add(name, Base64.getDecoder().decode(value));
            }
        });
        record.headers().add("madang-replay-of", String.valueOf(letter.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ReplayFailed(letter, "Kafka unavailable: " + e.getClass().getSimpleName(),
                    new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable",
                            "The record could not be sent back to " + letter.sourceTopic() + "; try again", null));
        }
        audit(letter, Mode.REPUBLISH, actor, "REPUBLISHED", "to " + letter.sourceTopic(), DeadLetter.REPLAYED);
        return new Outcome(letter.id(), Mode.REPUBLISH, "REPUBLISHED", "to " + letter.sourceTopic());
    }

    private Outcome direct(DeadLetter letter, String actor) {
        String outcome;
        String detail;
        try {
            SpecificRecord event = deserializer.deserialize(letter.sourceTopic(), letter.payload());
            boolean applied = handler.handle(event); // joins the replay's transaction: all or nothing
            outcome = applied ? "PROCESSED" : "ALREADY_PROCESSED";
            detail = event.getSchema().getName();
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new ReplayFailed(letter, reason,
                    new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Replay failed", reason, null).with("deadLetterId", letter.id()));
        }
        audit(letter, Mode.DIRECT, actor, outcome, detail, DeadLetter.RESOLVED);
        return new Outcome(letter.id(), Mode.DIRECT, outcome, detail);
    }

    private void audit(DeadLetter letter, Mode mode, String actor, String outcome, String detail, String newStatus) {
        transactions.executeWithoutResult(tx -> {
            if (newStatus != null) {
                store.markReplayed(letter.id(), newStatus, clock.instant());
            }
            store.audit(letter.id(), mode.name(), actor, clock.instant(), outcome, detail);
        });
    }
}
