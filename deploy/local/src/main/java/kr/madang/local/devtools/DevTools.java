package kr.madang.local.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import kr.madang.local.StackSettings;
import kr.madang.local.devtools.mail.MailSink;
import kr.madang.local.devtools.alimtalk.AlimTalkSink;
import kr.madang.local.devtools.sms.SmsSink;
import kr.madang.local.devtools.token.TokenIssuer;

/**
 * The local stack's fakes of the outside world. {@code DevTools sinks} runs the SMTP sink and its viewer and the SMS
 * sink; {@code DevTools tokens} runs the dev token issuer; without an argument, all of them in one JVM (the Compose
 * image). The launcher starts the issuer in its own small JVM, so sinks that fill up with mail can never starve the
 * sign-in of the whole stack. Each stops on SIGTERM.
 */
public final class DevTools {

    private DevTools() {
    }

    public static void main(String[] args) throws Exception {
        String part = args.length == 0 ? "all" : args[0];
        if (!List.of("all", "sinks", "tokens").contains(part)) {
            System.err.println("usage: DevTools [all|sinks|tokens]");
            System.exit(2);
        }
        StackSettings settings = StackSettings.fromEnvironment();
        List<AutoCloseable> started = new ArrayList<>();
        if (!part.equals("sinks")) {
            started.add(new TokenIssuer(settings.tokenPort(), settings.home().resolve("token-issuer"), Clock.systemUTC()));
            System.out.printf("token issuer up on %d%n", settings.tokenPort());
        }
        if (!part.equals("tokens")) {
            int mailKeep = keep("MADANG_MAIL_KEEP", System.getenv("MADANG_MAIL_KEEP"), MailSink.DEFAULT_KEEP);
            int smsKeep = keep("MADANG_SMS_KEEP", System.getenv("MADANG_SMS_KEEP"), SmsSink.DEFAULT_KEEP);
            started.add(new MailSink(settings.smtpPort(), settings.mailViewerPort(), settings.home().resolve("mail"),
                    mailKeep));
            SmsSink smsSink = new SmsSink(settings.smsPort(), settings.home().resolve("sms"),
                    System.getenv("MADANG_SMS_CALLBACK_URL"), callbackTokens(System.getenv("MADANG_SMS_CALLBACK_TOKENS")),
                    smsKeep);
            started.add(smsSink);
            // the AlimTalk vendor beside the SMS providers: same process, same port, under /alimtalk
            int alimTalkKeep = keep("MADANG_ALIMTALK_KEEP", System.getenv("MADANG_ALIMTALK_KEEP"), AlimTalkSink.DEFAULT_KEEP);
            AlimTalkSink alimTalk = new AlimTalkSink(alimTalkKeep, System.getenv("MADANG_ALIMTALK_CALLBACK_URL"),
                    System.getenv("MADANG_ALIMTALK_CALLBACK_TOKEN"));
            smsSink.mount("/alimtalk", alimTalk::handle);
            System.out.printf("sinks up: SMTP %d, mail viewer %d (newest %d emails in memory), SMS sink %d (newest %d)%n",
                    settings.smtpPort(), settings.mailViewerPort(), mailKeep, settings.smsPort(), smsKeep);
        }
        String pidFile = System.getenv("MADANG_PID_FILE");
        if (pidFile != null && !pidFile.isBlank()) {
            exitOnceReleased(Path.of(pidFile));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable closeable : started.reversed()) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("stopping " + closeable.getClass().getSimpleName() + ": " + e);
                }
            }
            stopped.countDown();
        }, "dev-tools-shutdown"));
        stopped.await();
    }

    /**
     * Exits (through the shutdown hook) once the launcher's pid file, after naming this JVM, is gone or names another
     * process: the stack's folder was wiped, or whoever started it forgot to stop it. No dev tools JVM outlives its
     * stack. The launcher's own {@code stop} signals it before removing the file, so this is only the safety net.
     */
    static void exitOnceReleased(Path pidFile) {
        long self = ProcessHandle.current().pid();
        Thread.ofPlatform().daemon().name("pid-file-watch").start(() -> {
            boolean recorded = false;
            while (true) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
                boolean mine = recordedPid(pidFile) == self;
                if (mine) {
                    recorded = true;
                } else if (recorded) {
                    System.out.println(pidFile + " no longer names this process: exiting");
                    System.exit(0);
                }
            }
        });
    }

    private static long recordedPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code MADANG_MAIL_KEEP}, {@code MADANG_SMS_KEEP}: how many messages a sink holds in memory. */
    static int keep(String variable, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int keep = Integer.parseInt(value.trim());
            if (keep >= 1) {
                return keep;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be a positive number of messages, not '" + value + "'");
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
