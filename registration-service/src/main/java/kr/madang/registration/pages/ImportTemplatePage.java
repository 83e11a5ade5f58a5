package kr.madang.registration.pages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import kr.madang.platform.pages.PageController;
import kr.madang.platform.pages.PageUser;
import kr.madang.platform.security.Roles;
import kr.madang.registration.forumevent.ForumEventController;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The CSV an office fills in for a bulk import: the headers the import reads, in the page's language, and one example
 * row. UTF-8 with a byte-order mark, so Korean Excel opens it with the Hangul intact.
 */
@PageController
public class ImportTemplatePage {

    static final String KOREAN_HEADER = "이름,이메일,휴대전화,소속,직위,구분,언어,휠체어,개인정보동의";
    static final String ENGLISH_HEADER = "name,email,phone,organisation,jobTitle,attendeeType,language,wheelchair,consent";

    private final ForumEventController events;
    private final MessageSource messages;

    ImportTemplatePage(ForumEventController events, MessageSource messages) {
        this.events = events;
        this.messages = messages;
    }

    @GetMapping("/events/{eventId}/import/template.csv")
    ResponseEntity<byte[]> template(@PathVariable UUID eventId, Authentication authentication, Locale locale) {
        PageUser.require(authentication, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        events.get(eventId, PageUser.asApiAuthentication(authentication)); // the event exists and is this office's
        boolean english = "en".equals(locale.getLanguage());
        String csv = "\uFEFF" + (english ? ENGLISH_HEADER : KOREAN_HEADER) + "\r\n"
                + messages.getMessage("registration.import.templateExample", null, locale) + "\r\n";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(english ? "madang-import-template.csv" : "madang-명단-양식.csv", StandardCharsets.UTF_8)
                        .build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
