package kr.madang.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One GreenMail SMTP server per test JVM; tests tell their messages apart by recipient. */
public final class SharedMailServer {

    private static GreenMail greenMail;

    private SharedMailServer() {
    }

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            GreenMail started = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "smtp-shutdown"));
            greenMail = started;
        }
        return greenMail;
    }

    public static int smtpPort() {
        return greenMail().getSmtp().getPort();
    }
}
