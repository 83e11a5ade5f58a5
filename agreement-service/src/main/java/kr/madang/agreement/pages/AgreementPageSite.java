package kr.madang.agreement.pages;

import java.util.List;

import kr.madang.platform.pages.PageSite;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import org.springframework.stereotype.Component;

/** HQ's agreement pages, and each party's signing page behind its signed link. */
@Component
public class AgreementPageSite implements PageSite {

    @Override
    public String nameKey() {
        return "agreement.name";
    }

    @Override
    public String home() {
        return "/agreements";
    }

    @Override
    public List<Link> links(CurrentUser user) {
        return user.isHq() || user.has(Roles.REGIONAL_OFFICE)
                ? List.of(new Link("agreement.nav.list", "/agreements")) : List.of();
    }

    @Override
    public List<String> publicPaths() {
        return List.of("/sign/**");
    }
}
