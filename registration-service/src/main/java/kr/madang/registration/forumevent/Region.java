package kr.madang.registration.forumevent;

/** The forum's regional clusters; a regional office's token names one of them. */
public enum Region {
    JEJU, GWANGJU_JEONNAM, GANGWON, DAEGU_GYEONGBUK, BUSAN_GYEONGNAM, CHUNGCHEONG, SEOUL_CAPITAL, NATIONAL
}
