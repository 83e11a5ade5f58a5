package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import kr.madang.events.Language;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Topics;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Issue 2's slice: a RegistrationConfirmed becomes one confirmation email in the attendee's language. */
class FirstSliceIntegrationTests extends NotificationIntegrationTest {

    @Test
    void aKoreanConfirmationIsOneEmailWithAUtf8KoreanSubjectAndItsStatusIsQueryable() throws Exception {
        String email = TestEvents.uniqueEmail("minji");
        String registrationId = UUID.randomUUID().toString();
        RegistrationConfirmed event = TestEvents.confirmed(UUID.randomUUID().toString(), registrationId,
                TestEvents.contact("김민지", email, null, Language.KO));

        publish(Topics.REGISTRATION_EVENTS, event);

        MimeMessage mail = awaitMail(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[디지털지역혁신포럼] 참가 등록이 확정되었습니다");
        assertThat(mail.getHeader("Subject")[0]).as("RFC 2047, UTF-8").startsWith("=?UTF-8?");
        assertThat(mail.getMessageID()).contains("@notification.madang.kr");
        assertThat(mail.getHeader("List-Unsubscribe")).as("a confirmation is essential").isNull();
        String text = textOf(mail);
        assertThat(text).contains("김민지님", "제1회 디지털지역혁신포럼", "메종글래드 제주 크리스탈홀", "2023년 2월 6일 (월) 13:00",
                "짧은 코드: K7QP-" + TestEvents.shortCodeTail(registrationId),
                "http://localhost:8081/ticket/t." + registrationId.substring(0, 8),
                "http://localhost:8081/r/cancel?token=abc.def");

        await().atMost(Duration.ofSeconds(10)).until(() -> notificationsOf("registrationId=" + registrationId)
                .get(0).get("status").asString().equals("SENT"));
        JsonNode items = notificationsOf("registrationId=" + registrationId);
        assertThat(items).hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(item.get("sourceEventType").asString()).isEqualTo("RegistrationConfirmed");
        assertThat(item.get("sourceEventId").asString()).isEqualTo(event.getHeader().getEventId());
        assertThat(item.get("registrationId").asString()).isEqualTo(registrationId);
        assertThat(item.get("language").asString()).isEqualTo("ko");
        assertThat(item.get("recipient").asString()).isEqualTo(email.substring(0, 2) + "***@example.kr");
        assertThat(mail.getMessageID()).isEqualTo("<" + item.get("id").asString() + "@notification.madang.kr>");
        assertThat(mailTo(email)).hasSize(1);
    }

    /** Issue 16: the QR code travels inside the email (multipart/related, cid:), with the short code beside it. */
    @Test
    void theConfirmationCarriesTheQrCodeAsAnInlineImageTheHtmlRefersToAndTheShortCode() throws Exception {
        String email = TestEvents.uniqueEmail("qr");
        String registrationId = UUID.randomUUID().toString();
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(UUID.randomUUID().toString(), registrationId,
                TestEvents.contact("Maria Lopez", email, null, Language.EN)));

        MimeMessage mail = awaitMail(email, 1).getFirst();
        List<String> types = partTypes(mail);
        assertThat(types).anySatisfy(t -> assertThat(t).startsWith("multipart/related"));
        assertThat(textPartEncodings(mail.getContent())).as("text parts (plain, HTML, calendar) in " + types)
                .hasSizeGreaterThanOrEqualTo(2).containsOnly("base64");
        jakarta.mail.BodyPart image = imagePart(mail.getContent());
        assertThat(image).as("an image part in " + types).isNotNull();
        assertThat(image.getContentType()).startsWith("image/png");
        assertThat(image.getDisposition()).isEqualTo(jakarta.mail.Part.INLINE);
        String contentId = ((jakarta.mail.internet.MimeBodyPart) image).getContentID();
        assertThat(contentId).isEqualTo("<ticket-qr@madang>");
        byte[] png = image.getInputStream().readAllBytes();
        java.awt.image.BufferedImage drawn = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(drawn.getWidth()).isEqualTo(drawn.getHeight()).isGreaterThan(100);

        String html = htmlOf(mail.getContent());
        assertThat(html).contains("src=\"cid:ticket-qr@madang\"", "alt=\"Your check-in QR code\"",
                "Short code: K7QP-" + TestEvents.shortCodeTail(registrationId))
                .as("the code the image was drawn from is not left in the HTML").doesNotContain("data-madang-qr");
        assertThat(textOf(mail)).contains("http://localhost:8081/ticket/t." + registrationId.substring(0, 8));
    }

    private static jakarta.mail.BodyPart imagePart(Object content) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.getContentType().toLowerCase().startsWith("image/")) {
                    return part;
                }
                jakarta.mail.BodyPart inner = imagePart(part.getContent());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static String htmlOf(Object content) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.getContentType().toLowerCase().startsWith("text/html")) {
                    return (String) part.getContent();
                }
                String inner = htmlOf(part.getContent());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    @Test
    void anEnglishConfirmationHasAnEnglishSubjectAndBody() throws Exception {
        String email = TestEvents.uniqueEmail("delegate");
        RegistrationConfirmed event = TestEvents.confirmed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                TestEvents.contact("Maria Lopez", email, null, Language.EN));

        publish(Topics.REGISTRATION_EVENTS, event);

        MimeMessage mail = awaitMail(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[Digital Regional Innovation Forum] Your registration is confirmed");
        assertThat(textOf(mail)).contains("Dear Maria Lopez", "1st Digital Regional Innovation Forum", "Mon 6 Feb 2023, 13:00 KST");
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() throws Exception {
        String email = TestEvents.uniqueEmail("twice");
        String registrationId = UUID.randomUUID().toString();
        RegistrationConfirmed event = TestEvents.confirmed(UUID.randomUUID().toString(), registrationId,
                TestEvents.contact("박서준", email, null, Language.KO));

        publish(Topics.REGISTRATION_EVENTS, event);
        publish(Topics.REGISTRATION_EVENTS, event);
        // a later event on the same partition proves both copies were consumed
        String marker = TestEvents.uniqueEmail("marker");
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(event.getForumEvent().getForumEventId(),
                UUID.randomUUID().toString(), TestEvents.contact("표지", marker, null, Language.KO)));

        awaitMail(marker, 1);
        awaitMail(email, 1);
        assertThat(mailTo(email)).hasSize(1);
        assertThat(messagesOfSource(event.getHeader().getEventId())).hasSize(1);
    }

    @Test
    void onlyOpsAndHqSeeNotifications() {
        http.get().uri("/api/notifications").header("Authorization", "Bearer " + TestTokens.regionalOffice("JEJU"))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/notifications").header("Authorization", "Bearer " + TestTokens.hqAdmin())
                .exchange().expectStatus().isOk();
        http.get().uri("/api/notifications?status=NOPE").header("Authorization", "Bearer " + TestTokens.ops())
                .exchange().expectStatus().isBadRequest();
    }

    static String textOf(MimeMessage mail) throws Exception {
        StringBuilder out = new StringBuilder();
        collect(mail.getContent(), out);
        return out.toString();
    }

    private static void collect(Object content, StringBuilder out) throws Exception {
        if (content instanceof String s) {
            out.append(s).append('\n');
        } else if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), out);
            }
        }
    }

    private static List<String> textPartEncodings(Object content) throws Exception {
        List<String> encodings = new java.util.ArrayList<>();
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = (jakarta.mail.internet.MimeBodyPart) multipart.getBodyPart(i);
                if (part.isMimeType("text/*")) {
                    encodings.add(part.getEncoding());
                }
                encodings.addAll(textPartEncodings(part.getContent()));
            }
        }
        return encodings;
    }

    static List<String> partTypes(MimeMessage mail) throws Exception {
        List<String> types = new java.util.ArrayList<>();
        collectTypes(mail.getContent(), types);
        return types;
    }

    private static void collectTypes(Object content, List<String> types) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                types.add(part.getContentType().toLowerCase());
                collectTypes(part.getContent(), types);
            }
        }
    }
}
