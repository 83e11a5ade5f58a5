package kr.madang.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import kr.madang.local.devtools.FreePorts;
import kr.madang.local.devtools.web.Http;
import kr.madang.local.process.LocalProcesses;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev tools as the launcher starts them: the sinks in one JVM, the token issuer in its own. */
class DevToolsProcessesTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void theTokenIssuerAnswersInItsOwnJvmWhileTheSinksHoldOnlyTheNewestMail() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MADANG_HOME", dir.resolve("home").toString());
        env.put("MADANG_SMTP_PORT", Integer.toString(FreePorts.next()));
        env.put("MADANG_MAIL_PORT", Integer.toString(FreePorts.next()));
        env.put("MADANG_SMS_PORT", Integer.toString(FreePorts.next()));
        env.put("MADANG_TOKEN_PORT", Integer.toString(FreePorts.next()));
        env.put("MADANG_MAIL_KEEP", "100");
        StackSettings settings = StackSettings.from(env, dir);
        LocalProcesses processes = new LocalProcesses(settings.runDir(), settings.logDir());
        String classpath = System.getProperty("java.class.path");
        try {
            for (String process : new String[] {MadangLocal.TOKEN_ISSUER, MadangLocal.DEV_TOOLS}) {
                Map<String, String> processEnv = new LinkedHashMap<>(env);
                processEnv.put("MADANG_PID_FILE", settings.runDir().resolve(process + ".pid").toString());
                processes.start(process, MadangLocal.devToolsCommand(settings, process, classpath), processEnv, dir,
                        LocalProcesses.MARKER + process);
            }
            String tokens = settings.publicUrl(settings.tokenPort());
            String mail = settings.publicUrl(settings.mailViewerPort());
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> get(tokens + "/.well-known/jwks.json").statusCode() == 200
                            && get(mail + "/api/messages?limit=1").statusCode() == 200);
            assertThat(processes.running(MadangLocal.TOKEN_ISSUER).orElseThrow().pid())
                    .isNotEqualTo(processes.running(MadangLocal.DEV_TOOLS).orElseThrow().pid());

            int sent = 2_000;
            sendMany(settings.smtpPort(), sent);

            JsonNode newest = Http.JSON.readTree(get(mail + "/api/messages?limit=1").body());
            assertThat(newest.get("inMemory").asInt()).isEqualTo(100);
            assertThat(newest.get("stored").asLong()).isEqualTo(sent);
            assertThat(newest.get("items").get(0).get("subject").asText()).isEqualTo("mail " + sent);
            HttpResponse<String> token = get(tokens + "/dev/token?role=HQ_ADMIN");
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(token.body().split("\\.")).hasSize(3);
        } finally {
            processes.stop(MadangLocal.DEV_TOOLS, "TERM", Duration.ofSeconds(15));
            processes.stop(MadangLocal.TOKEN_ISSUER, "TERM", Duration.ofSeconds(15));
        }
    }

    @Test
    void aTokenIssuerWhoseStackFolderWasWipedExitsByItself() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MADANG_HOME", dir.resolve("home").toString());
        env.put("MADANG_TOKEN_PORT", Integer.toString(FreePorts.next()));
        StackSettings settings = StackSettings.from(env, dir);
        LocalProcesses processes = new LocalProcesses(settings.runDir(), settings.logDir());
        Path pidFile = settings.runDir().resolve(MadangLocal.TOKEN_ISSUER + ".pid");
        env.put("MADANG_PID_FILE", pidFile.toString());
        ProcessHandle issuer = processes.start(MadangLocal.TOKEN_ISSUER, MadangLocal.devToolsCommand(settings,
                MadangLocal.TOKEN_ISSUER, System.getProperty("java.class.path")), env, dir,
                LocalProcesses.MARKER + MadangLocal.TOKEN_ISSUER);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    get(settings.publicUrl(settings.tokenPort()) + "/.well-known/jwks.json").statusCode() == 200);
            // it has had time to see its pid file naming it (it looks every 2 s)
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(issuer::isAlive);

            java.nio.file.Files.delete(pidFile); // what deleting the stack's folder does to it

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !issuer.isAlive());
        } finally {
            issuer.destroyForcibly();
        }
    }

    private static void sendMany(int port, int count) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(props);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 1; i <= count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("no-reply@madang.kr"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("load-" + (i % 7) + "@example.kr"));
                message.setSubject("mail " + i, "UTF-8");
                message.setText("small body " + i, "UTF-8");
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
