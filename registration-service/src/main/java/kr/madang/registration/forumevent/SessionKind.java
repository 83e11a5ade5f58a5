package kr.madang.registration.forumevent;

public enum SessionKind {
    OPENING, KEYNOTE, PRESENTATION, PANEL, ROUNDTABLE, WORKSHOP, SITE_VISIT, SIGNING_CEREMONY, NETWORKING, CLOSING, OTHER
}
