package kr.madang.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kr.madang.testing.SharedSmsProviders;
import kr.madang.testing.SharedSmsProviders.ReceivedSms;
import org.junit.jupiter.api.Test;

/**
 * notification-service's SMS path in this JVM ends at real HTTP receivers speaking the providers' wire formats, as
 * its email path ends at a real SMTP server: a registration with a phone number arrives there as a text message.
 */
class SmsDeliveryEndToEndTests {

    final OperationsClient ops = new OperationsClient();

    @Test
    void aRegistrationWithAPhoneNumberReachesAnSmsProviderWithTheRegisteredSenderAndTheForumInTheText() {
        String subscriber = "%04d%04d".formatted(ThreadLocalRandom.current().nextInt(10_000),
                ThreadLocalRandom.current().nextInt(10_000));
        String phone = "010-" + subscriber.substring(0, 4) + "-" + subscriber.substring(4);
        String forum = ops.openForum("문자 수신 확인 포럼");

        var registered = ops.register(forum, "한가람", "sms-" + UUID.randomUUID() + "@example.kr", phone, Map.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ReceivedSms> toThisPhone = SharedSmsProviders.received().stream()
                    .filter(sms -> sms.to() != null && sms.to().replaceAll("\\D", "").endsWith(subscriber))
                    .toList();
            assertThat(toThisPhone).as("SMS sent to " + phone).hasSize(1);
            assertThat(toThisPhone.getFirst().from()).as("the sender number registered with the vendor")
                    .isEqualTo("0215880000");
            assertThat(toThisPhone.getFirst().text()).contains("문자 수신 확인 포럼");
        });
    }
}
