package kr.madang.agreement.pages;

/** How a page names a party's representative: "name · title", either alone, or "-" when neither is on file. */
final class Representatives {

    private Representatives() {
    }

    static String of(String name, String title) {
        boolean hasName = name != null && !name.isBlank();
        boolean hasTitle = title != null && !title.isBlank();
        if (hasName && hasTitle) {
            return name.strip() + " · " + title.strip();
        }
        return hasName ? name.strip() : hasTitle ? title.strip() : "-";
    }
}
