package kr.madang.registration.badges;

/** The order badges come off the printer: by name, or by organisation (then name) to hand out per delegation. */
public enum BadgeSort {
    NAME, ORGANISATION
}
