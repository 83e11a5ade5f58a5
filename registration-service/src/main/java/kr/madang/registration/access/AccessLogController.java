package kr.madang.registration.access;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kr.madang.platform.accesslog.PersonalDataAccess;
import kr.madang.platform.accesslog.PersonalDataAccessLog;
import kr.madang.registration.rules.FieldError;
import kr.madang.registration.rules.InvalidFields;
import org.springframework.http.MediaType;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HQ's monthly review of staff access to attendees' data (개인정보의 안전성 확보조치 기준 Art. 8). */
@RestController
@Tag(name = "Access log", description = "Who viewed, searched, listed, exported or erased attendees' personal data")
public class AccessLogController {

    private final PersonalDataAccessLog log;

    public AccessLogController(PersonalDataAccessLog log) {
        this.log = log;
    }

    public record AccessLogView(String month, List<PersonalDataAccessLog.Entry> entries,
                                List<PersonalDataAccessLog.Summary> summary, boolean chainIntact, Long firstBrokenEntry) {
    }

    @GetMapping(path = "/api/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A month of the personal-data access log, its per-account summary and whether the chain verifies",
            description = "month as yyyy-MM (Asia/Seoul; default: this month), optionally one account and one action "
                    + "(VIEW, LIST, SEARCH, EXPORT, ERASE).")
    public AccessLogView month(@RequestParam(required = false) String month,
                               @RequestParam(required = false) String account,
                               @RequestParam(required = false) String action, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isHq()) {
            throw user.roles().isEmpty()
                    ? new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "A staff token is required", null)
                    : new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "Only HQ reviews the access log", null);
        }
        YearMonth period = parseMonth(month);
        if (action != null && !action.isBlank()) {
            try {
                PersonalDataAccess.Action.valueOf(action);
            } catch (IllegalArgumentException e) {
                throw new InvalidFields(List.of(new FieldError("action", "must be one of VIEW, LIST, SEARCH, EXPORT, ERASE")));
            }
        }
        long broken = log.verify();
        return new AccessLogView(period.toString(), log.find(period, blankToNull(account), blankToNull(action)),
                log.monthlySummary(period), broken < 0, broken < 0 ? null : broken);
    }

    static YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(ZoneId.of("Asia/Seoul"));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFields(List.of(new FieldError("month", "must be a month as yyyy-MM")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
