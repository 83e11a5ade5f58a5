package kr.madang.agreement.api;

import kr.madang.agreement.ceremony.ForumEvents;
import kr.madang.agreement.mou.Agreement;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import kr.madang.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what: HQ manages every agreement; a regional office reads the agreements whose ceremony is at one of
 * its region's forum events (others look as if they did not exist). Parties act through their signing links.
 */
@Component
class AgreementAccess {

    private final ForumEvents forumEvents;

    AgreementAccess(ForumEvents forumEvents) {
        this.forumEvents = forumEvents;
    }

    void requireHq(CurrentUser user) {
        if (!user.isHq()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "only HQ (HQ_ADMIN) manages agreements", null);
        }
    }

    void requireReader(CurrentUser user) {
        if (!user.isHq() && !user.has(Roles.REGIONAL_OFFICE)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "agreements are read by HQ and regional offices", null);
        }
    }

    /** The agreement if this user may read it; otherwise a 404, so other regions' agreements are not revealed. */
    Agreement readable(CurrentUser user, Agreement agreement) {
        requireReader(user);
        if (user.isHq()) {
            return agreement;
        }
        String region = forumEvents.regionOf(agreement.forumEventId()).orElse(null);
        if (region == null || !user.canActInRegion(region)) {
            throw ApiProblem.notFound("agreement " + agreement.id());
        }
        return agreement;
    }
}
