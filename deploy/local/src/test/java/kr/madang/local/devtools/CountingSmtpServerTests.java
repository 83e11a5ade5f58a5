package kr.madang.local.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import kr.madang.local.devtools.mail.CountingSmtpServer;
import org.junit.jupiter.api.Test;

class CountingSmtpServerTests {

    @Test
    void countsEveryEmailPerTrackedRecipientAndIgnoresOthers() throws Exception {
        int port = FreePorts.next();
        try (CountingSmtpServer server = new CountingSmtpServer(port, "@bench.madang.test")) {
            send(port, "A@bench.madang.test");
            send(port, "a@bench.madang.test");
            send(port, "someone@example.kr");

            assertThat(server.count("a@bench.madang.test")).isEqualTo(2);
            assertThat(server.count("someone@example.kr")).isZero();
            assertThat(server.firstReceipt).containsOnlyKeys("a@bench.madang.test");
            assertThat(server.total).hasValue(3);
            assertThat(server.duplicates()).isEqualTo(1);
        }
    }

    @Test
    void refusesConnectionsWhileDownAndCountsAgainOnceUp() throws Exception {
        int port = FreePorts.next();
        try (CountingSmtpServer server = new CountingSmtpServer(port, "")) {
            server.down();
            assertThatThrownBy(() -> send(port, "minji@example.kr")).isInstanceOf(MessagingException.class);
            assertThat(server.count("minji@example.kr")).isZero();

            server.up();
            send(port, "minji@example.kr");
            assertThat(server.count("minji@example.kr")).isEqualTo(1);
        }
    }

    private static void send(int port, String to) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("no-reply@madang.kr"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("[디지털지역혁신포럼] 참가 등록이 확정되었습니다", "UTF-8");
        message.setText("제주 포럼에 등록되었습니다.", "UTF-8");
        Transport.send(message);
    }
}
