package kr.madang.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import kr.madang.notification.dispatch.DispatchSignal;
import kr.madang.notification.sms.SmsGateway;
import kr.madang.testing.MadangTestInfrastructure;
import kr.madang.testing.SharedSmsProviders;
import kr.madang.testing.SharedMailServer;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of this module's integration tests: real Kafka, PostgreSQL and GreenMail from the shared
 * test infrastructure, its two WireMock servers as SMS providers "alpha" (JSON API, always first choice) and "beta"
 * (form API, weight 0: only when alpha fails), and a clock the tests move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        NotificationServiceApplication.CONFIG_NAME,
        "madang.kafka.retry-backoff-millis=50",
        "madang.notification.reminders.check-every=PT1H",
        "madang.notification.secretariat.email=secretariat@madang.test",
        "madang.sms.providers.alpha.weight=1",
        "madang.sms.providers.alpha.timeout=PT1.5S",
        "madang.sms.providers.beta.weight=0",
        "madang.sms.providers.beta.timeout=PT3S",
        "madang.sms.breaker.minimum-calls=100",
        "madang.public-base-url=http://notify.test"})
@ContextConfiguration(initializers = MadangTestInfrastructure.class)
@AutoConfigureRestTestClient
@Import(NotificationIntegrationTest.Clocks.class)
public abstract class NotificationIntegrationTest {

    protected static final WireMockServer ALPHA = SharedSmsProviders.alpha();
    protected static final WireMockServer BETA = SharedSmsProviders.beta();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    /** The AlimTalk vendor (NHN Cloud Bizmessage v2.3 shape), accepting everything unless a test says otherwise. */
    protected static final WireMockServer ALIMTALK = AlimTalkStubs.start();

    @org.springframework.test.context.DynamicPropertySource
    static void alimTalkVendor(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("madang.alimtalk.base-url", ALIMTALK::baseUrl);
    }

    @Autowired protected RestTestClient http;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected KafkaTemplate<String, Object> kafka;
    @Autowired protected TestClock clock;
    @Autowired protected DispatchSignal dispatchSignal;
    @Autowired protected SmsGateway smsGateway;
    @Autowired protected kr.madang.notification.alimtalk.AlimTalkGateway alimTalkGateway;

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @BeforeEach
    void resetWorld() {
        clock.reset();
        smsGateway.resetCircuits();
        alimTalkGateway.resetCircuit();
        AlimTalkStubs.accepting(ALIMTALK);
        SharedSmsProviders.acceptEverything();
    }

    protected static GreenMail greenMail() {
        return SharedMailServer.greenMail();
    }

    protected void publish(String topic, SpecificRecord event) {
        String key = kr.madang.schemas.Events.header(event).getAggregateId();
        try {
            kafka.send(topic, key, event).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static List<MimeMessage> mailTo(String address) {
        return java.util.Arrays.stream(greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    protected static List<MimeMessage> awaitMail(String address, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address), list -> list.size() >= count);
    }

    protected JsonNode get(String uri, String token) {
        String body = http.get().uri(uri).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    protected JsonNode notificationsOf(String query) {
        return get("/api/notifications?" + query, TestTokens.ops()).get("items");
    }

    /** Messages of one source event, as rows: status by channel and template. */
    protected List<Map<String, Object>> messagesOfSource(String sourceEventId) {
        return jdbc.sql("select * from message where source_event_id = :id order by template_code, channel, recipient_key")
                .param("id", sourceEventId).query().listOfRows();
    }

    protected List<Map<String, Object>> awaitMessagesOfSource(String sourceEventId, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> messagesOfSource(sourceEventId), rows -> rows.size() >= count);
    }

    protected String statusOf(UUID messageId) {
        return jdbc.sql("select status from message where id = :id").param("id", messageId).query(String.class).single();
    }

    protected void awaitStatus(UUID messageId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(messageId), status::equals);
    }
}
