package kr.madang.notification.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.activation.DataHandler;
import jakarta.activation.FileTypeMap;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import kr.madang.notification.NotificationProperties;
import kr.madang.notification.calendar.CalendarAttachment;
import kr.madang.notification.calendar.CalendarStore;
import kr.madang.notification.message.Message;
import kr.madang.notification.template.InlineQrCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an email over SMTP: multipart text + HTML in UTF-8, the subject RFC 2047-encoded, the message id as
 * Message-ID (so a resend after a crash is recognisable as the same message), List-Unsubscribe on non-essential mail.
 */
@Component
public class EmailSender {

    public static final String PROVIDER = "smtp";
    /** Reason of a message whose address cannot be parsed (the address itself is never repeated). */
    public static final String INVALID_ADDRESS = "INVALID_ADDRESS";

    /*
     * Jakarta Mail looks its StreamProvider up through ServiceLoader on every body part it builds, writes or decodes,
     * and under Spring Boot's nested-jar class loader each lookup scans the jars: measured at 37% of notification-service's
     * CPU while draining a backlog. Naming the implementation makes the lookup a Class.forName of a loaded class.
     */
    static {
        String streamProvider = "jakarta.mail.util.StreamProvider";
        if (System.getProperty(streamProvider) == null) {
            System.setProperty(streamProvider, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** Built once: MimeMessageHelper otherwise builds one per message, reading every mime.types on the class path. */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private final JavaMailSenderImpl mailSender;
    private final NotificationProperties.Mail settings;
    private final Clock clock;
    private final SendTracing tracing;
    /** The calendar file (.ics) of a message, if it carries one. */
    private final Function<UUID, Optional<CalendarAttachment>> calendars;

    @Autowired
    public EmailSender(JavaMailSenderImpl mailSender, NotificationProperties properties, Clock clock, SendTracing tracing,
                       CalendarStore calendars) {
        this(mailSender, properties, clock, tracing, calendars::find);
    }

    /** Without calendar files (tests of sending itself). */
    public EmailSender(JavaMailSenderImpl mailSender, NotificationProperties properties, Clock clock, SendTracing tracing) {
        this(mailSender, properties, clock, tracing, id -> Optional.empty());
    }

    private EmailSender(JavaMailSenderImpl mailSender, NotificationProperties properties, Clock clock, SendTracing tracing,
                        Function<UUID, Optional<CalendarAttachment>> calendars) {
        this.calendars = calendars;
        this.mailSender = mailSender;
        this.tracing = tracing;
        this.settings = properties.mail();
        this.clock = clock;
    }

    public DeliveryResult send(Message message) {
        Instant started = clock.instant();
        String messageId = "<" + message.id() + "@" + settings.messageIdDomain() + ">";
        try {
            MimeMessage mime = new FixedIdMimeMessage(mailSender.getSession(), messageId);
            MimeMessageHelper helper = new SharedFileTypesHelper(mime);
            helper.setFrom(settings.from());
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            InlineQrCode.Inline qr = InlineQrCode.forSending(message.bodyHtml());
            helper.setText(message.bodyText(), qr.html());
            if (qr.png() != null) {
                // multipart/related: the HTML shows it as <img src="cid:…">
                helper.addInline(InlineQrCode.CONTENT_ID, new ByteArrayResource(qr.png()), "image/png");
            }
            Optional<CalendarAttachment> calendar = calendars.apply(message.id());
            if (calendar.isPresent()) {
                CalendarAttachment ics = calendar.get();
                helper.addAttachment(ics.fileName(), new ByteArrayResource(ics.ics().getBytes(StandardCharsets.UTF_8)),
                        ics.contentType());
            }
            if (message.unsubscribeUrl() != null) {
                mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mime.setHeader("X-Madang-Notification-Id", message.id().toString());
            String traceId = tracing.currentTraceId();
            if (traceId != null) {
                mime.setHeader(SendTracing.TRACE_HEADER, traceId);
            }
            base64TextParts(contentOf(mime));
            mailSender.send(mime);
            return new DeliveryResult.Accepted(PROVIDER, messageId, List.of(attempt(started, "ACCEPTED", null)));
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            // the parser's text quotes the address: a reason code only
            return new DeliveryResult.Refused(INVALID_ADDRESS, List.of(attempt(started, "REFUSED", INVALID_ADDRESS)));
        } catch (MailAuthenticationException e) {
            return new DeliveryResult.Unavailable("SMTP authentication failed", List.of(attempt(started, "UNAVAILABLE", "authentication failed")));
        } catch (MailException e) {
            if (e instanceof MailSendException failure && failure.getFailedMessages().isEmpty()) {
                // Spring's way of saying the server accepted the message (250 to its data) and only closing the
                // connection failed (QUIT unanswered): the email is out, and a retry would send it twice
                return new DeliveryResult.Accepted(PROVIDER, messageId,
                        List.of(attempt(started, "ACCEPTED", "accepted; closing the connection failed: " + kind(e))));
            }
            // SMTP replies often echo the address: keep the reply code, never the server's text
            if (permanent(e)) {
                return new DeliveryResult.Refused("SMTP server refused the recipient",
                        List.of(attempt(started, "REFUSED", kind(e))));
            }
            return new DeliveryResult.Unavailable("SMTP server unavailable: " + e.getClass().getSimpleName(),
                    List.of(attempt(started, "UNAVAILABLE", kind(e))));
        }
    }

    /** What failed, without the address: the exception kind and the SMTP reply code when the server gave one. */
    static String kind(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            try {
                Object code = t.getClass().getMethod("getReturnCode").invoke(t);
                if (code instanceof Integer reply && reply > 0) {
                    return "SMTP " + reply + " (" + t.getClass().getSimpleName() + ")";
                }
            } catch (ReflectiveOperationException notAnSmtpReply) {
                // not one of Angus Mail's SMTP exceptions: look further down the chain
            }
            t = t.getCause() != null ? t.getCause() : t instanceof MessagingException me ? me.getNextException() : null;
        }
        return e.getClass().getSimpleName();
    }

    /** A 5xx reply about the recipient is final; connection trouble and 4xx replies are not. */
    private static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Angus Mail's SMTPAddressFailedException (runtime-only dependency) carries the server's reply
            if (t.getClass().getSimpleName().equals("SMTPAddressFailedException") && t.getMessage() != null) {
                String reply = t.getMessage().strip();
                return reply.length() >= 3 && reply.charAt(0) == '5';
            }
            if (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0 && sendFailed.getNextException() == null) {
                return true;
            }
            if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t.getCause()) {
                if (permanent(me.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    private DeliveryResult.ProviderAttempt attempt(Instant started, String outcome, String detail) {
        return new DeliveryResult.ProviderAttempt(PROVIDER, started, clock.instant(), outcome, detail);
    }

    /**
     * Korean text is mostly non-ASCII bytes: quoted-printable writes each as "=XX", one byte at a time through four
     * streams, and was the largest cost of sending (issue 15's profile); base64 is a third shorter for such text. The
     * text parts (plain, HTML, calendar) are encoded here, in one call of the JDK's MIME encoder, and sent as they are:
     * JavaMail's own encoder was still fed three bytes at a time by its text handler, and those writes were 7 % of
     * notification-service's CPU under load.
     */
    private static void base64TextParts(Object content) throws MessagingException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                // the content's own type: the Content-Type header is only written when the message is saved
                Object partContent = contentOf(part);
                if (partContent instanceof Multipart) {
                    base64TextParts(partContent);
                } else if (part.getDataHandler().getContentType().regionMatches(true, 0, "text/", 0, 5)) {
                    multipart.removeBodyPart(i);
                    multipart.addBodyPart(encoded(part, partContent), i);
                }
            }
        }
    }

    /** The same part, its content already in base64 lines of 76 characters, which JavaMail writes without encoding. */
    private static BodyPart encoded(BodyPart part, Object content) throws MessagingException {
        String type = part.getDataHandler().getContentType();
        byte[] raw;
        try {
            raw = content instanceof String text
                    ? text.getBytes(java.nio.charset.Charset.forName(charsetOf(type)))
                    : part.getDataHandler().getDataSource().getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // parts built in memory a moment ago: not expected
        }
        PreencodedMimeBodyPart encoded = new PreencodedMimeBodyPart("base64");
        for (java.util.Enumeration<Header> headers = part.getAllHeaders(); headers.hasMoreElements(); ) {
            Header header = headers.nextElement();
            encoded.addHeader(header.getName(), header.getValue());
        }
        encoded.setDataHandler(new DataHandler(new ByteArrayDataSource(
                java.util.Base64.getMimeEncoder().encode(raw), type)));
        encoded.setHeader("Content-Type", type);
        encoded.setHeader("Content-Transfer-Encoding", "base64");
        return encoded;
    }

    private static String charsetOf(String contentType) throws MessagingException {
        String charset = new ContentType(contentType).getParameter("charset");
        return charset != null ? charset : StandardCharsets.UTF_8.name();
    }

    private static Object contentOf(Part part) throws MessagingException {
        try {
            return part.getContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // parts built in memory a moment ago: not expected
        }
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
        fileTypes.afterPropertiesSet();
        return fileTypes;
    }

    private static final class SharedFileTypesHelper extends MimeMessageHelper {
        SharedFileTypesHelper(MimeMessage mime) throws MessagingException {
            super(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return FILE_TYPES;
        }
    }

    /** Keeps the Message-ID we chose instead of the one JavaMail would generate on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
