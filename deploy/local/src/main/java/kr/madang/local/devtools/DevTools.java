package kr.madang.local.devtools;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import kr.madang.local.StackSettings;
import kr.madang.local.devtools.mail.MailSink;
import kr.madang.local.devtools.sms.SmsSink;
import kr.madang.local.devtools.token.TokenIssuer;

/**
 * The local stack's fakes of the outside world, in one small JVM: the SMTP sink and its viewer, the SMS sink, and
 * the dev token issuer. Started by the launcher; stops on SIGTERM.
 */
public final class DevTools {

    private DevTools() {
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment();
        TokenIssuer tokens = new TokenIssuer(settings.tokenPort(), settings.home().resolve("token-issuer"),
                Clock.systemUTC());
        MailSink mail = new MailSink(settings.smtpPort(), settings.mailViewerPort(), settings.home().resolve("mail"));
        SmsSink sms = new SmsSink(settings.smsPort(), settings.home().resolve("sms"),
                System.getenv("MADANG_SMS_CALLBACK_URL"), callbackTokens(System.getenv("MADANG_SMS_CALLBACK_TOKENS")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sms.close();
            mail.close();
            tokens.close();
            stopped.countDown();
        }, "dev-tools-shutdown"));
        System.out.printf("dev tools up: SMTP %d, mail viewer %d, SMS sink %d, token issuer %d%n",
                settings.smtpPort(), settings.mailViewerPort(), settings.smsPort(), settings.tokenPort());
        stopped.await();
    }

    /** {@code alpha=token1,beta=token2}. */
    static Map<String, String> callbackTokens(String spec) {
        Map<String, String> tokens = new LinkedHashMap<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    tokens.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return tokens;
    }
}
