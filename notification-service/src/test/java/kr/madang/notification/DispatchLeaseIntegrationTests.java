package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import kr.madang.notification.dispatch.Dispatcher;
import kr.madang.notification.dispatch.EmailSender;
import kr.madang.notification.dispatch.DeliveryResult;
import kr.madang.notification.dispatch.QuietHours;
import kr.madang.notification.dispatch.RetryPolicy;
import kr.madang.notification.dispatch.SendTracing;
import kr.madang.notification.message.Message;
import kr.madang.notification.message.MessageStore;
import kr.madang.notification.message.StatusEvents;
import kr.madang.testing.SharedMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message is sent once even when its send outlasts the lease of its claim, with several dispatcher instances on one
 * database and the real SMTP server (GreenMail). The dispatchers here run on a clock three hours ahead of the service's,
 * so the service's own dispatcher never sees these rows due and only the instances of each test take part.
 */
class DispatchLeaseIntegrationTests extends NotificationIntegrationTest {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @Autowired MessageStore messages;
    @Autowired StatusEvents statusEvents;
    @Autowired EmailSender email;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired SendTracing tracing;
    @Autowired RetryPolicy retry;
    @Autowired QuietHours quietHours;
    @Autowired TransactionTemplate transactions;
    @Autowired NotificationProperties properties;

    @Test
    void aSendThatOutlastsItsLeaseIsNotTakenOverAndSentAgainByAnotherInstance() throws Exception {
        Clock ahead = new AheadClock(clock, Duration.ofHours(3));
        String source = "lease-" + UUID.randomUUID();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String to = TestEvents.uniqueEmail("lease" + i);
            recipients.add(to);
            insertDueMessage(source, to, ahead.instant());
        }
        // what another test may leave behind: a message due earlier on this clock, which A or B claims first
        insertDueMessage("leftover-" + UUID.randomUUID(), TestEvents.uniqueEmail("leftover"), ahead.instant().minus(Duration.ofHours(1)));
        var settings = new NotificationProperties.Dispatch(4, 2, LEASE, Duration.ofMillis(200), true);
        // instance A's SMTP sends of this test's messages hang (on a latch, before the real send to GreenMail) until
        // the test lets them go; a row another test left due on this clock passes straight through
        Gate gate = new Gate();
        EmailSender slowSmtp = new EmailSender(mailSender, properties, ahead, tracing) {
            @Override
            public DeliveryResult send(Message message) {
                if (source.equals(message.sourceEventId())) {
                    gate.pass();
                }
                return super.send(message);
            }
        };
        Dispatcher a = new Dispatcher("lease-a", messages, statusEvents, slowSmtp, smsGateway, retry, quietHours, transactions,
                ahead, settings);
        Dispatcher b = new Dispatcher("lease-b", messages, statusEvents, email, smsGateway, retry, quietHours, transactions,
                ahead, settings);
        try {
            // A claims rounds until both its send slots hang on this test's messages
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                a.dispatchDue();
                return gate.waiting() == settings.concurrency();
            });

            // B polls for three leases while A's two sends hang: whatever it takes over, it sends
            await().during(LEASE.multipliedBy(3)).atMost(LEASE.multipliedBy(3).plusSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> b.dispatchDue() >= 0);
            Instant checkedAt = ahead.instant();
            List<Map<String, Object>> whileAHung = rows(source);

            gate.open();
            await().atMost(Duration.ofSeconds(20)).until(() -> sentCount(source) == recipients.size());

            assertThat(recipients).as("each email reached the SMTP server exactly once")
                    .allSatisfy(r -> assertThat(mailTo(r)).hasSize(1));
            assertThat(rows(source)).allSatisfy(row -> {
                assertThat(row.get("status")).isEqualTo("SENT");
                assertThat(row.get("attempts")).as("claimed once").isEqualTo(1);
                assertThat(row.get("status_version")).as("QUEUED, SENDING, SENT: each once").isEqualTo(3);
                assertThat(row.get("claimed_by")).isNull();
                assertThat(row.get("lease_until")).isNull();
            });
            assertThat(jdbc.sql("""
                            select count(*) from message_attempt a join message m on m.id = a.message_id
                            where m.source_event_id = :s and a.outcome = 'ACCEPTED'
                            """).param("s", source).query(Integer.class).single())
                    .as("one accepted attempt per message").isEqualTo(recipients.size());
            assertThat(whileAHung).filteredOn(row -> "lease-a".equals(row.get("claimed_by")))
                    .as("A kept its two claims alive while its sends hung")
                    .hasSize(settings.concurrency())
                    .allSatisfy(row -> {
                        assertThat(row.get("status")).isEqualTo("SENDING");
                        assertThat(((Timestamp) row.get("lease_until")).toInstant()).isAfter(checkedAt);
                    });
            assertThat(whileAHung).filteredOn(row -> !"lease-a".equals(row.get("claimed_by")))
                    .as("B sent the messages A had not started").hasSize(recipients.size() - settings.concurrency())
                    .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SENT"));
        } finally {
            gate.open();
            a.close();
            b.close();
        }
    }

    @Test
    void aSentMessageWhoseStatusUpdateFailsForLongerThanTheLeaseIsRecordedNotSentAgain() throws Exception {
        Clock ahead = new AheadClock(clock, Duration.ofHours(3));
        String source = "record-" + UUID.randomUUID();
        String to = TestEvents.uniqueEmail("record");
        UUID ours = insertDueMessage(source, to, ahead.instant());
        // the real store, except that recording an outcome fails for longer than a lease after the first try
        AtomicInteger failedWrites = new AtomicInteger();
        Instant[] failUntil = {null};
        MessageStore flaky = new MessageStore(jdbc, tracing) {
            @Override
            public java.util.Optional<Integer> finish(UUID id, UUID token, kr.madang.notification.message.MessageStatus status,
                                                      String reason, Instant next, String provider, String providerMessageId,
                                                      Instant attemptedAt, Instant now) {
                if (!id.equals(ours)) { // a row another test left due on this clock is recorded as usual
                    return super.finish(id, token, status, reason, next, provider, providerMessageId, attemptedAt, now);
                }
                synchronized (failUntil) {
                    if (failUntil[0] == null) {
                        failUntil[0] = ahead.instant().plus(LEASE).plusSeconds(1);
                    }
                }
                if (ahead.instant().isBefore(failUntil[0])) {
                    failedWrites.incrementAndGet();
                    throw new org.springframework.dao.TransientDataAccessResourceException("database away");
                }
                return super.finish(id, token, status, reason, next, provider, providerMessageId, attemptedAt, now);
            }
        };
        var settings = new NotificationProperties.Dispatch(4, 2, LEASE, Duration.ofMillis(200), true);
        Dispatcher a = new Dispatcher("record-a", flaky, statusEvents, email, smsGateway, retry, quietHours, transactions,
                ahead, settings);
        Dispatcher b = new Dispatcher("record-b", messages, statusEvents, email, smsGateway, retry, quietHours, transactions,
                ahead, settings);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                a.dispatchDue();
                return "record-a".equals(claimedBy(source)) || !status(source).equals("QUEUED");
            });
            awaitMail(to, 1);
            await().atMost(LEASE.multipliedBy(4).plusSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> b.dispatchDue() >= 0 && status(source).equals("SENT"));

            assertThat(failedWrites.get()).as("the SENT update failed for more than a lease").isGreaterThan(1);
            assertThat(mailTo(to)).hasSize(1);
            assertThat(rows(source)).singleElement().satisfies(row -> {
                assertThat(row.get("attempts")).as("claimed once: B never took the claim over").isEqualTo(1);
                assertThat(row.get("status_version")).isEqualTo(3);
            });
        } finally {
            a.close();
            b.close();
        }
    }

    /**
     * The dispatcher's loop waits (for new messages or the poll) only after a round that said nothing more was due: a
     * full round must not say so, or the rest of a backlog would wait a poll; a round that had slots to spare must, or
     * the loop claims again at once for nothing (issue 15: 1.7 claim transactions per email).
     */
    @Test
    void aFullRoundLeavesMoreDue_aRoundWithSlotsToSpareSaysNothingMoreIsDue() throws Exception {
        Clock ahead = new AheadClock(clock, Duration.ofHours(3));
        String source = "rounds-" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            insertDueMessage(source, TestEvents.uniqueEmail("rounds" + i), ahead.instant());
        }
        var settings = new NotificationProperties.Dispatch(4, 4, LEASE, Duration.ofMillis(200), true);
        Dispatcher dispatcher = new Dispatcher("rounds", messages, statusEvents, email, smsGateway, retry, quietHours,
                transactions, ahead, settings);
        try {
            assertThat(dispatcher.dispatchDue()).as("four free slots, at least six messages due").isEqualTo(4);
            assertThat(dispatcher.nothingMoreDue()).isFalse();

            // rows other tests left due on this clock go out too; then a round has slots to spare
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dispatcher.dispatchDue();
                return dispatcher.nothingMoreDue() && sentCount(source) == 6;
            });
            assertThat(dispatcher.dispatchDue()).as("it was right: nothing was left due").isZero();
            assertThat(dispatcher.nothingMoreDue()).isTrue();
        } finally {
            dispatcher.close();
        }
    }

    @Test
    void anEmailTheServerAcceptedIsSentEvenWhenItsQuitGoesUnanswered() throws Exception {
        Clock ahead = new AheadClock(clock, Duration.ofHours(3));
        String source = "quit-" + UUID.randomUUID();
        String to = TestEvents.uniqueEmail("quit");
        insertDueMessage(source, to, ahead.instant());
        try (QuitSwallowingProxy proxy = new QuitSwallowingProxy(SharedMailServer.smtpPort())) {
            JavaMailSenderImpl viaProxy = new JavaMailSenderImpl();
            viaProxy.setHost("127.0.0.1");
            viaProxy.setPort(proxy.port());
            viaProxy.setDefaultEncoding("UTF-8");
            Properties timeouts = new Properties();
            timeouts.put("mail.smtp.connectiontimeout", "2000");
            timeouts.put("mail.smtp.timeout", "1000");
            viaProxy.setJavaMailProperties(timeouts);
            var settings = new NotificationProperties.Dispatch(4, 2, LEASE, Duration.ofMillis(200), true);
            Dispatcher dispatcher = new Dispatcher("quit", messages, statusEvents,
                    new EmailSender(viaProxy, properties, ahead, tracing), smsGateway, retry, quietHours, transactions, ahead, settings);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    dispatcher.dispatchDue(); // rows other tests left due on this clock may come first
                    String s = status(source);
                    return !s.equals("QUEUED") && !s.equals("SENDING");
                });
                assertThat(proxy.quitsSwallowed()).as("the server's 221 never reached the client").isEqualTo(1);
                assertThat(status(source)).as("250 after the data means accepted, whatever QUIT does").isEqualTo("SENT");

                // past the first retry's backoff nothing is due: no second copy
                ((AheadClock) ahead).advance(Duration.ofMinutes(5));
                await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.dispatchDue() == 0);
                await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(to).size() >= 1);
                assertThat(mailTo(to)).hasSize(1);
                assertThat(status(source)).isEqualTo("SENT");
            } finally {
                dispatcher.close();
            }
        }
    }

    private int sentCount(String source) {
        return jdbc.sql("select count(*) from message where source_event_id = :s and status = 'SENT'")
                .param("s", source).query(Integer.class).single();
    }

    private String claimedBy(String source) {
        return jdbc.sql("select claimed_by from message where source_event_id = :s").param("s", source).query(String.class).single();
    }

    private String status(String source) {
        return jdbc.sql("select status from message where source_event_id = :s").param("s", source).query(String.class).single();
    }

    private List<Map<String, Object>> rows(String source) {
        return jdbc.sql("select * from message where source_event_id = :s").param("s", source).query().listOfRows();
    }

    private UUID insertDueMessage(String source, String to, Instant dueAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into message (id, source_event_id, source_event_type, template_code, template_version, channel, language,
                    recipient_key, recipient, recipient_masked, subject, body_text, body_html, essential, urgent, status,
                    next_attempt_at, created_at, updated_at)
                values (:id, :source, 'RegistrationConfirmed', 'registration-confirmed', 1, 'EMAIL', 'ko', :key, :to, 'r***',
                    '[디지털지역혁신포럼] 임대', '본문', '<p>본문</p>', true, false, 'QUEUED', :due, :due, :due)
                """)
                .param("id", id).param("source", source).param("key", to).param("to", to)
                .param("due", Timestamp.from(dueAt))
                .update();
        return id;
    }

    /** The service's test clock plus an offset of its own (real speed, moved by the service's moves too). */
    static final class AheadClock extends Clock {
        private final Clock base;
        private volatile Duration offset;

        AheadClock(Clock base, Duration offset) {
            this.base = base;
            this.offset = offset;
        }

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Holds the senders that reach it until it is opened. */
    static final class Gate {
        private final CountDownLatch latch = new CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();

        void pass() {
            waiting.incrementAndGet();
            try {
                if (!latch.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        int waiting() {
            return waiting.get();
        }

        void open() {
            latch.countDown();
        }
    }

    /**
     * A TCP proxy in front of GreenMail that passes every byte except the server's answer to QUIT: the email is
     * accepted (250 after the data), then the client waits for a 221 that never comes and its read times out.
     */
    static final class QuitSwallowingProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final int target;
        private final AtomicInteger quits = new AtomicInteger();
        private final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

        QuitSwallowingProxy(int target) throws IOException {
            this.target = target;
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        int quitsSwallowed() {
            return quits.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(client);
                    sockets.add(upstream);
                    boolean[] quitSent = {false};
                    Thread.ofVirtual().start(() -> pump(client, upstream, quitSent, true));
                    Thread.ofVirtual().start(() -> pump(upstream, client, quitSent, false));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to, boolean[] quitSent, boolean fromClient) {
            StringBuilder line = new StringBuilder();
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        for (int i = 0; i < n; i++) {
                            char c = (char) (buffer[i] & 0xff);
                            if (c == '\n') {
                                if (line.toString().strip().equalsIgnoreCase("QUIT")) {
                                    synchronized (quitSent) {
                                        quitSent[0] = true;
                                    }
                                    quits.incrementAndGet();
                                }
                                line.setLength(0);
                            } else {
                                line.append(c);
                            }
                        }
                    } else {
                        synchronized (quitSent) {
                            if (quitSent[0]) {
                                continue; // the 221 is swallowed
                            }
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side hung up
            } finally {
                boolean stall;
                synchronized (quitSent) {
                    stall = !fromClient && quitSent[0];
                }
                if (!stall) { // after QUIT the client is left waiting, not hung up on: its read must time out
                    try {
                        to.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
