package kr.madang.agreement.mou;

import java.util.List;

/** What a version says: title, purpose, the ordered cooperation items, and its document. */
public record Content(String title, String purpose, List<String> cooperationItems, Document document) {

    public Content {
        cooperationItems = List.copyOf(cooperationItems);
    }

    Content withDocument(Document newDocument) {
        return new Content(title, purpose, cooperationItems, newDocument);
    }
}
