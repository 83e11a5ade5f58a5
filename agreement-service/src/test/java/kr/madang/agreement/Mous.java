package kr.madang.agreement;

import java.util.ArrayList;
import java.util.List;

/** The MOUs of the forum's own press releases, as HQ would draft them. */
public final class Mous {

    /** The nine institutions that signed at the 1st forum, Jeju, 2023-02-06 16:00. */
    public static final List<String[]> JEJU_PARTIES = List.of(
            new String[]{"한국지방행정연구원", "krila"},
            new String[]{"제주특별자치도", "jeju"},
            new String[]{"한국지역정보개발원", "klid"},
            new String[]{"한국공법학회", "kpla"},
            new String[]{"한국IT서비스학회", "kitss"},
            new String[]{"제주연구원", "jri"},
            new String[]{"제주대학교", "jnu"},
            new String[]{"제주테크노파크", "jtp"},
            new String[]{"전자신문", "etnews"});

    public static final List<String> JEJU_ITEMS = List.of(
            "지역 디지털 전환 계획 수립 및 정책 자문",
            "전문 인력 양성을 위한 공동 교육 프로그램",
            "공동 정책 연구 및 연구개발");

    /** Nine of the ten institutions of the Pohang MOU (2nd forum, 2023-04-20); POSCO Holdings accedes. */
    public static final List<String[]> POHANG_PARTIES = List.of(
            new String[]{"경상북도", "gb"},
            new String[]{"포항시", "pohang"},
            new String[]{"포항공과대학교", "postech"},
            new String[]{"경북연구원", "gri"},
            new String[]{"포항테크노파크", "ptp"},
            new String[]{"한국지방행정연구원", "krila"},
            new String[]{"한국지역정보개발원", "klid"},
            new String[]{"한국IT서비스학회", "kitss"},
            new String[]{"전자신문", "etnews"});

    private Mous() {
    }

    public static String jeju() {
        return jeju(null);
    }

    public static String jeju(String forumEventId) {
        return draft("디지털 혁신 및 디지털플랫폼정부 실현을 위한 업무협약", JEJU_PARTIES, "PARALLEL", false,
                forumEventId, "2023-02-06", 24, false);
    }

    public static String pohang(String forumEventId) {
        return draft("경북 디지털 혁신을 위한 업무협약", POHANG_PARTIES, "PARALLEL", false, forumEventId, "2023-04-20",
                24, false);
    }

    /** A MOU whose parties sign in steps: the first two in step 1, the rest one per step. */
    public static String sequential(int parties) {
        return draft("단계별 서명 협약", JEJU_PARTIES.subList(0, parties), "SEQUENTIAL", true, null, "2023-02-06", 12, false);
    }

    public static String draft(String title, List<String[]> parties, String order, boolean steps, String forumEventId,
                               String effectiveDate, int termMonths, boolean autoRenew) {
        List<String> partyJson = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            String[] p = parties.get(i);
            String step = steps ? ",\"step\":" + Math.max(1, i) : "";
            String language = p[1].equals("etnews") ? "ko" : i % 4 == 3 ? "en" : "ko";
            partyJson.add("""
                    {"institution":"%s","representativeName":"대표 %d","representativeTitle":"원장",
                     "contact":{"email":"%s@example.kr","phone":"010-1234-%04d","language":"%s"}%s}"""
                    .formatted(p[0], i + 1, p[1], 1000 + i, language, step));
        }
        return """
                {"title":"%s",
                 "purpose":"지역의 디지털 혁신과 디지털플랫폼정부 실현을 위한 협력",
                 "cooperationItems":["%s"],
                 "signingOrder":"%s",%s
                 "effectiveDate":"%s","termMonths":%d,"autoRenew":%s,
                 "documentText":"제1조(목적) 이 협약은 지역의 디지털 혁신과 디지털플랫폼정부 실현을 위하여 협력함을 목적으로 한다.",
                 "parties":[%s]}
                """.formatted(title, String.join("\",\"", JEJU_ITEMS), order,
                forumEventId == null ? "" : "\"forumEventId\":\"" + forumEventId + "\",",
                effectiveDate, termMonths, autoRenew, String.join(",", partyJson));
    }
}
