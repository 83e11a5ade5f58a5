package kr.madang.platform.accesslog;

import java.util.List;

/**
 * One access by staff to persons' data (개인정보의 안전성 확보조치 기준 Art. 8): who (account, role), from where,
 * what was done, to whom (ids, never names), with which query and, for downloads, why.
 *
 * @param scope    what the access was within, e.g. {@code event:<id>}
 * @param query    the filter as typed, personal data in it masked
 * @param reason   required for exports
 */
public record PersonalDataAccess(String account, String role, String sourceAddress, Action action, String scope,
                                 List<String> subjectIds, String query, String reason) {

    public PersonalDataAccess {
        subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
    }

    public enum Action {
        VIEW, LIST, SEARCH, EXPORT, ERASE
    }
}
