package kr.madang.platform.pages;

import java.util.List;

import kr.madang.platform.security.CurrentUser;

/**
 * What a service tells the shared page plumbing about its pages (one bean per service): its name, the header links
 * for the signed-in user, where home is, and which paths need no sign-in (signed links carry their own grant).
 */
public interface PageSite {

    /** Message key of the service's name, shown beside the brand. */
    String nameKey();

    /** Where the brand link and a successful sign-in lead. */
    String home();

    List<Link> links(CurrentUser user);

    /** Path patterns (Spring path patterns) open without sign-in; static assets and sign-in are always open. */
    List<String> publicPaths();

    /** A header link; {@code messageKey} names its label in the message bundles. */
    record Link(String messageKey, String href) {
    }
}
