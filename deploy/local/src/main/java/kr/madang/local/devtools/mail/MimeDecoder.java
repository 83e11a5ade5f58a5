package kr.madang.local.devtools.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** Turns a MIME message into a {@link CapturedMail}: decoded subject and addresses, text and HTML bodies. */
final class MimeDecoder {

    private MimeDecoder() {
    }

    static CapturedMail decode(long id, MimeMessage message, Instant receivedAt) throws MessagingException, IOException {
        return decode(id, message, receivedAt, raw(message).length);
    }

    static CapturedMail decode(long id, MimeMessage message, Instant receivedAt, int size)
            throws MessagingException, IOException {
        Parts parts = new Parts();
        walk(message, parts);
        String subject = message.getSubject();
        return new CapturedMail(id, message.getMessageID(), receivedAt,
                addresses(message.getHeader("From", ",")).stream().findFirst().orElse(null),
                addresses(message.getHeader("To", ",")),
                addresses(message.getHeader("Cc", ",")),
                subject == null ? "" : MimeUtility.decodeText(subject),
                message.getHeader("Content-Language", ","),
                parts.text, parts.html, List.copyOf(parts.attachments), size);
    }

    /** What the list shows and filters on, from the header alone: the bodies are not read. */
    record Summary(String messageId, String from, List<String> to, List<String> cc, String subject, String language) {
    }

    static Summary summary(byte[] raw) throws MessagingException {
        InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
        String subject = headers.getHeader("Subject", null);
        try {
            return new Summary(headers.getHeader("Message-ID", null),
                    addresses(headers.getHeader("From", ",")).stream().findFirst().orElse(null),
                    addresses(headers.getHeader("To", ",")), addresses(headers.getHeader("Cc", ",")),
                    subject == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(subject)),
                    headers.getHeader("Content-Language", ","));
        } catch (java.io.UnsupportedEncodingException e) {
            return new Summary(headers.getHeader("Message-ID", null), null, addresses(headers.getHeader("To", ",")),
                    addresses(headers.getHeader("Cc", ",")), subject, headers.getHeader("Content-Language", ","));
        }
    }

    static byte[] raw(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Parsed leniently: a sender with a badly encoded header still shows, decoded as text. */
    private static List<String> addresses(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        Address[] addresses;
        try {
            addresses = InternetAddress.parseHeader(header, false);
        } catch (jakarta.mail.internet.AddressException e) {
            try {
                return Arrays.stream(MimeUtility.decodeText(MimeUtility.unfold(header)).split(","))
                        .map(String::trim).filter(text -> !text.isEmpty()).toList();
            } catch (java.io.UnsupportedEncodingException unsupported) {
                return List.of(header);
            }
        }
        return Arrays.stream(addresses).map(address -> address instanceof InternetAddress internet
                ? (internet.getPersonal() == null ? internet.getAddress()
                : internet.getPersonal() + " <" + internet.getAddress() + ">")
                : address.toString()).toList();
    }

    private static void walk(Part part, Parts parts) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, parts);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null) {
            parts.attachments.add(new CapturedMail.Attachment(
                    part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName()),
                    part.getContentType(), size(part)));
        } else if (part.isMimeType("text/plain") && parts.text == null) {
            parts.text = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && parts.html == null) {
            parts.html = String.valueOf(part.getContent());
        } else if (!part.isMimeType("text/*")) {
            // inline images (a check-in QR code) and the like
            parts.attachments.add(new CapturedMail.Attachment(part.getFileName(), part.getContentType(), size(part)));
        }
    }

    private static int size(Part part) throws MessagingException, IOException {
        int size = part.getSize();
        if (size >= 0) {
            return size;
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes().length;
        }
    }

    private static final class Parts {
        private String text;
        private String html;
        private final List<CapturedMail.Attachment> attachments = new ArrayList<>();
    }
}
