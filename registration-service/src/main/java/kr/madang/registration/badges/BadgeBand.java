package kr.madang.registration.badges;

import kr.madang.registration.attendee.AttendeeType;

/**
 * The colour band across the top of a badge, one per attendee type, with the type's name printed in it in Korean
 * and English (colour is never the only cue). Every badge category of the issue has an attendee type already:
 * speaker, VIP/official ({@code VIP}), press, international delegate and general.
 */
public enum BadgeBand {

    GENERAL(AttendeeType.GENERAL, 0x1565C0, "참가자", "PARTICIPANT"),
    SPEAKER(AttendeeType.SPEAKER, 0xC62828, "연사", "SPEAKER"),
    VIP(AttendeeType.VIP, 0x7A5C00, "귀빈", "VIP / OFFICIAL"),
    PRESS(AttendeeType.PRESS, 0x2E7D32, "언론", "PRESS"),
    INTERNATIONAL_DELEGATE(AttendeeType.INTERNATIONAL_DELEGATE, 0x6A1B9A, "해외 대표단", "INTERNATIONAL DELEGATE");

    private final AttendeeType type;
    /** Dark enough for white text (contrast above 4.5:1) and for greyscale printers to tell apart by the label. */
    private final int rgb;
    private final String korean;
    private final String english;

    BadgeBand(AttendeeType type, int rgb, String korean, String english) {
        this.type = type;
        this.rgb = rgb;
        this.korean = korean;
        this.english = english;
    }

    /** A type this list does not know (added to the domain later) prints as a general participant. */
    public static BadgeBand of(AttendeeType type) {
        for (BadgeBand band : values()) {
            if (band.type == type) {
                return band;
            }
        }
        return GENERAL;
    }

    public int rgb() {
        return rgb;
    }

    public String label() {
        return korean + " · " + english;
    }
}
