package kr.madang.testing;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The readable text of an email as a person sees it: its text/plain parts, decoded, however deeply nested. */
public final class MailText {

    private MailText() {
    }

    public static String of(Part mail) {
        StringBuilder text = new StringBuilder();
        try {
            collect(mail, text);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the email", e);
        }
        return text.toString();
    }

    private static void collect(Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent()).append('\n');
        }
    }
}
