package kr.madang.local.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import kr.madang.local.devtools.mail.MailSink;
import kr.madang.local.devtools.web.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSinkTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path store;

    @Test
    void keepsEveryEmailOnceWithDecodedSubjectRecipientsAndBothBodies() throws Exception {
        int smtp = FreePorts.next();
        int web = FreePorts.next();
        try (MailSink sink = new MailSink(smtp, web, store)) {
            send(smtp, "[디지털지역혁신포럼] 참가 등록이 확정되었습니다", "김민지", "minji@example.kr", "jeju-office@example.kr");

            JsonNode found = json(web, "/api/messages?to=MINJI@example.kr");
            assertThat(found.get("total").asInt()).as("one email, although GreenMail keeps a copy per recipient")
                    .isEqualTo(1);
            JsonNode mail = found.get("items").get(0);
            assertThat(mail.get("subject").asText()).isEqualTo("[디지털지역혁신포럼] 참가 등록이 확정되었습니다");
            assertThat(mail.get("to").get(0).asText()).isEqualTo("김민지 <minji@example.kr>");
            assertThat(mail.get("cc").get(0).asText()).isEqualTo("jeju-office@example.kr");
            assertThat(mail.get("text").asText()).contains("메종글래드 제주");
            assertThat(mail.get("html").asText()).contains("<b>메종글래드 제주</b>");
            assertThat(mail.get("language").asText()).isEqualTo("ko");
            assertThat(json(web, "/api/messages?to=nobody@example.kr").get("total").asInt()).isZero();
            assertThat(get(web, "/").body()).contains("참가 등록이 확정되었습니다");
            assertThat(get(web, "/messages/" + mail.get("id").asLong()).body()).contains("minji@example.kr");
        }
    }

    @Test
    void survivesARestartAndEmptiesOnDelete() throws Exception {
        int smtp = FreePorts.next();
        int web = FreePorts.next();
        try (MailSink sink = new MailSink(smtp, web, store)) {
            send(smtp, "first", "A", "a@example.kr", null);
            assertThat(json(web, "/api/messages").get("total").asInt()).isEqualTo(1);
        }
        try (MailSink restarted = new MailSink(smtp, web, store)) {
            send(smtp, "second", "B", "b@example.kr", null);
            JsonNode all = json(web, "/api/messages");
            assertThat(all.get("total").asInt()).isEqualTo(2);
            assertThat(all.get("items").get(0).get("subject").asText()).as("newest first").isEqualTo("second");
            assertThat(all.get("items").get(0).get("id").asLong()).isEqualTo(2);

            var deleted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web + "/api/messages"))
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(json(web, "/api/messages").get("total").asInt()).isZero();
        }
        try (MailSink again = new MailSink(smtp, web, store)) {
            assertThat(json(web, "/api/messages").get("total").asInt()).isZero();
        }
    }

    @Test
    void keepsEveryEmailToOneAddressWithItsRealArrivalTimeInOrder() throws Exception {
        int smtp = FreePorts.next();
        int web = FreePorts.next();
        try (MailSink sink = new MailSink(smtp, web, store)) {
            // another address in between, and the viewer open all along (polled after every email)
            List<Instant[]> sendWindows = new ArrayList<>();
            for (String subject : List.of("등록 확정", "등록 취소", "참여 기관이 서명했습니다")) {
                Instant before = Instant.now();
                send(smtp, subject, "김민지", "minji@example.kr", null);
                sendWindows.add(new Instant[] {before, Instant.now()});
                json(web, "/api/messages");
                send(smtp, "사무국 사본: " + subject, "제주 사무국", "jeju-office@example.kr", null);
                json(web, "/api/messages");
            }

            assertThat(json(web, "/api/messages?to=jeju-office@example.kr").get("total").asInt()).isEqualTo(3);
            JsonNode found = json(web, "/api/messages?to=minji@example.kr");
            assertThat(found.get("total").asInt()).as("a second and third email to one address are kept too")
                    .isEqualTo(3);
            JsonNode items = found.get("items");
            List<String> subjects = new ArrayList<>();
            List<Instant> received = new ArrayList<>();
            for (int i = items.size() - 1; i >= 0; i--) { // oldest first
                subjects.add(items.get(i).get("subject").asText());
                received.add(Instant.parse(items.get(i).get("receivedAt").asText()));
            }
            assertThat(subjects).containsExactly("등록 확정", "등록 취소", "참여 기관이 서명했습니다");
            for (int i = 0; i < 3; i++) {
                assertThat(received.get(i)).as("email %d is stamped when it arrived, not when the viewer looked", i)
                        .isBetween(sendWindows.get(i)[0], sendWindows.get(i)[1]);
            }
            assertThat(received).as("distinct and in arrival order").isSortedAccordingTo(Comparator.naturalOrder())
                    .doesNotHaveDuplicates();

            String page = get(web, "/?to=minji@example.kr").body();
            for (int i = 0; i < 3; i++) {
                assertThat(page).contains(subjects.get(i)).contains(received.get(i).toString());
            }
        }
    }

    @Test
    void holdsOnlyTheNewestEmailsInMemoryWhateverTheVolumeAndKeepsOlderOnesOnDisk() throws Exception {
        int smtp = FreePorts.next();
        int web = FreePorts.next();
        int keep = 200;
        int sent = 5_000;
        try (MailSink sink = new MailSink(smtp, web, store, keep)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "localhost");
            props.put("mail.smtp.port", Integer.toString(smtp));
            Session session = Session.getInstance(props);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 1; i <= sent; i++) {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom(new InternetAddress("no-reply@madang.kr"));
                    message.setRecipient(Message.RecipientType.TO, new InternetAddress("load-" + (i % 7) + "@example.kr"));
                    message.setSubject("mail " + i, "UTF-8");
                    message.setText("small body " + i, "UTF-8");
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                    if (i % 1_000 == 0) {
                        assertThat(sink.inMemory()).as("held in memory after %d emails", i).isLessThanOrEqualTo(keep);
                    }
                }
            }

            assertThat(sink.inMemory()).isEqualTo(keep);
            assertThat(sink.stored()).isEqualTo(sent);
            JsonNode newest = json(web, "/api/messages?limit=3");
            assertThat(newest.get("inMemory").asInt()).isEqualTo(keep);
            assertThat(newest.get("stored").asLong()).isEqualTo(sent);
            assertThat(newest.get("items").get(0).get("subject").asText()).isEqualTo("mail " + sent);
            assertThat(newest.get("items").get(2).get("subject").asText()).isEqualTo("mail " + (sent - 2));
            assertThat(json(web, "/api/messages/1").get("subject").asText())
                    .as("an email no longer in memory still opens from disk").isEqualTo("mail 1");
        }
        try (MailSink restarted = new MailSink(smtp, web, store, keep)) {
            assertThat(restarted.inMemory()).as("a restart decodes only the newest").isEqualTo(keep);
            assertThat(restarted.messages().getLast().subject()).isEqualTo("mail " + sent);
        }
    }

    private static void send(int port, String subject, String name, String to, String cc) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("no-reply@madang.kr", "디지털지역혁신포럼", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, name, "UTF-8"));
        if (cc != null) {
            message.setRecipient(Message.RecipientType.CC, new InternetAddress(cc));
        }
        message.setSubject(subject, "UTF-8");
        message.setHeader("Content-Language", "ko");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("장소: 메종글래드 제주 크리스탈홀", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>장소: <b>메종글래드 제주</b> 크리스탈홀</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        Transport.send(message);
    }

    private JsonNode json(int port, String path) throws Exception {
        return Http.JSON.readTree(get(port, path).body());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
