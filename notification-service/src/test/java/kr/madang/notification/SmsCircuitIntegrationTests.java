package kr.madang.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import kr.madang.notification.dispatch.DeliveryResult;
import kr.madang.notification.message.Message;
import kr.madang.notification.message.MessageStatus;
import kr.madang.notification.sms.HttpSmsProviders;
import kr.madang.notification.sms.SmsGateway;
import kr.madang.notification.sms.SmsProperties;
import kr.madang.notification.sms.SmsProvider;
import kr.madang.notification.template.Channel;
import kr.madang.testing.SharedSmsProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every provider call records one outcome in its circuit breaker, even an answer the adapter cannot read. A gateway
 * of its own (the form provider "beta" first, a short open period) over the shared WireMock providers, so the
 * service's own circuits are untouched.
 */
class SmsCircuitIntegrationTests extends NotificationIntegrationTest {

    private final String phone = String.format("+8210%08d", ThreadLocalRandom.current().nextInt(100_000_000));

    @AfterEach
    void providersAcceptAgain() {
        SharedSmsProviders.acceptEverything();
    }

    @Test
    void anUnreadableResultCodeOpensTheCircuitTheOtherProviderTakesOverAndHalfOpenNeverWedges() {
        SmsGateway gateway = betaFirstGateway();
        StubMapping unreadable = BETA.stubFor(post(urlPathEqualTo(SmsStubs.BETA_PATH)).atPriority(1)
                .withRequestBody(containing(phone.substring(1)))
                .willReturn(okJson("{\"result_code\":\"OK?\",\"msg_id\":\"b-1\"}")));

        for (int i = 0; i < 4; i++) {
            assertAcceptedByAlpha(gateway.send(sms()));
        }
        assertThat(gateway.circuitStates()).containsEntry("beta", "OPEN");
        DeliveryResult skipped = gateway.send(sms());
        assertAcceptedByAlpha(skipped);
        assertThat(skipped.tries().getFirst().outcome()).isEqualTo("SKIPPED");

        // after the open period two trial calls reach beta, fail the same way, and open the circuit again
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertAcceptedByAlpha(gateway.send(sms()));
            return betaCalls() >= 6;
        });
        assertThat(gateway.circuitStates()).as("not stuck half-open").containsEntry("beta", "OPEN");

        // beta recovers: the next trial calls succeed and close the circuit
        BETA.removeStub(unreadable);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(gateway.send(sms())).isInstanceOf(DeliveryResult.Accepted.class);
            return "CLOSED".equals(gateway.circuitStates().get("beta"));
        });
        assertThat(gateway.send(sms())).isInstanceOfSatisfying(DeliveryResult.Accepted.class,
                accepted -> assertThat(accepted.provider()).isEqualTo("beta"));
    }

    private int betaCalls() {
        return BETA.countRequestsMatching(postRequestedFor(urlPathEqualTo(SmsStubs.BETA_PATH))
                .withRequestBody(containing(phone.substring(1))).build()).getCount();
    }

    private static void assertAcceptedByAlpha(DeliveryResult result) {
        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Accepted.class,
                accepted -> assertThat(accepted.provider()).isEqualTo("alpha"));
    }

    private static SmsGateway betaFirstGateway() {
        Map<String, SmsProperties.Provider> settings = new LinkedHashMap<>();
        settings.put("alpha", new SmsProperties.Provider("json", ALPHA.baseUrl(), "k", "", 0, 50, Duration.ofSeconds(2), true));
        settings.put("beta", new SmsProperties.Provider("form", BETA.baseUrl(), "k", "", 1, 50, Duration.ofSeconds(2), true));
        SmsProperties properties = new SmsProperties("0215880000", settings,
                new SmsProperties.Breaker(50, 4, 4, Duration.ofMillis(300), Duration.ofSeconds(1)));
        Map<String, SmsProvider> providers = new LinkedHashMap<>();
        settings.forEach((name, provider) -> providers.put(name, HttpSmsProviders.create(name, provider)));
        return new SmsGateway(properties, providers, Clock.systemUTC());
    }

    private Message sms() {
        Instant now = Instant.now();
        return new Message(UUID.randomUUID(), "circuit-test", "Test", "registration-confirmed", 1, Channel.SMS, "ko",
                "circuit", phone, "masked", null, null, null, null, "본문", null, "SMS", true, true, null,
                MessageStatus.SENDING, 2, null, 1, now, null, null, null, now, now, null, null, null);
    }
}
