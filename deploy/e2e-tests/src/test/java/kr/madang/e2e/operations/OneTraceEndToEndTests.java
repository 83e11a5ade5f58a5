package kr.madang.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.internet.MimeMessage;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.SharedMailServer;
import kr.madang.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One registration is one trace: the trace of its POST (here continued from the caller's W3C traceparent, as a
 * gateway or browser would send it) is the trace of the Kafka record its outbox row is published as, of the
 * notification-service consumption of that record, and of the SMTP send: the email carries it in
 * X-Madang-Trace-Id and the log lines on the way carry it (MDC traceId, printed as [traceId,spanId]).
 */
class OneTraceEndToEndTests {

    static OperationsClient ops;
    static String forum;
    static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void openAForumAndListenToTheLogs() {
        ops = new OperationsClient();
        // after the services started: each start reconfigures Logback
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        forum = ops.openForum("추적 확인 포럼");
    }

    @AfterAll
    static void stopListening() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    /** Log lines as ops read them: the trace id (from the MDC, as the log pattern and the JSON logs print it) and the text. */
    static List<String> linesOfTrace(String traceId) {
        synchronized (logs) {
            return logs.list.stream().filter(e -> traceId.equals(e.getMDCPropertyMap().get("traceId")))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void theRegistrationRequestTheOutboxPublishTheConsumptionAndTheEmailShareOneTraceId() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String email = "trace-" + UUID.randomUUID() + "@example.kr";

        var registered = ops.register(forum, "이서연", email,
                Map.of("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String registrationId = registered.json().path("id").asString();

        // 1. the outbox relay published the RegistrationConfirmed with the request's trace
        ConsumerRecord<String, byte[]> published = await().atMost(Duration.ofSeconds(30)).until(
                () -> SharedKafka.readAll(Topics.REGISTRATION_EVENTS, Duration.ofMillis(500)).stream()
                        .filter(r -> confirms(r, registrationId)).findFirst().orElse(null),
                record -> record != null);
        Header traceparent = published.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent header on the published record").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-");
        String eventId = ((RegistrationConfirmed) new AvroEventDeserializer().deserialize(published.topic(), published.value()))
                .getHeader().getEventId();

        // 2. the email, sent later by the dispatcher on its own thread, carries the same trace id
        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(
                () -> SharedMailServer.greenMail().getReceivedMessagesForDomain(email),
                received -> received.length == 1)[0];
        assertThat(mail.getHeader("X-Madang-Trace-Id")).containsExactly(traceId);

        // 3. notification-service consumed the event and sent the message inside that trace (its log lines say so)
        String emailMessageId = await().atMost(Duration.ofSeconds(30)).until(() -> ops.get(
                        ops.services.notification() + "/api/notifications?registrationId=" + registrationId, TestTokens.ops())
                .json().path("items").valueStream()
                .filter(item -> "EMAIL".equals(item.path("channel").asString()) && "SENT".equals(item.path("status").asString()))
                .map(item -> item.path("id").asString()).findFirst().orElse(null), id -> id != null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(linesOfTrace(traceId)).as("the consumer's log line")
                    .filteredOn(line -> line.startsWith("Event RegistrationConfirmed " + eventId + " queued")).hasSize(1);
            assertThat(linesOfTrace(traceId)).as("the dispatcher's log line for the email")
                    .filteredOn(line -> line.startsWith("Message " + emailMessageId) && line.contains("sent via smtp")).hasSize(1);
        });
        // and nothing personal in the lines of this trace
        assertThat(linesOfTrace(traceId))
                .noneMatch(line -> line.contains(email) || line.contains("이서연") || line.contains("1234-5678"));
    }

    private static boolean confirms(ConsumerRecord<String, byte[]> record, String registrationId) {
        try {
            return new AvroEventDeserializer().deserialize(record.topic(), record.value()) instanceof RegistrationConfirmed c
                    && c.getRegistrationId().equals(registrationId);
        } catch (RuntimeException undecodable) {
            return false;
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
