package kr.madang.agreement.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kr.madang.agreement.AgreementIntegrationTest;
import kr.madang.agreement.Api;
import kr.madang.agreement.Flows;
import kr.madang.agreement.Mous;
import kr.madang.platform.security.Roles;
import kr.madang.testing.TestTokens;
import kr.madang.testing.pages.PageWalker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 item 5: every page of agreement-service in Korean and English, as HQ, a regional office and a party with
 * its link, on the Jeju MOU of the demo in its states: no "null", raw states, ids or missing keys, and no words of
 * the other language outside the agreements' own text (titles, institutions, representatives, reasons).
 */
@AgreementIntegrationTest
class PageLanguageWalkTests {

    private static final List<String> PROPER_NAMES = List.of("Madang", "마당", "English", "한국어");

    @LocalServerPort
    int port;

    @Test
    void everyPageReadsInItsOwnLanguageForEveryRole() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        // a MOU under signature: two signed, one declined (back in negotiation), circulated again
        String negotiating = flows.create(Mous.jeju());
        assertThat(flows.circulate(negotiating).status()).isEqualTo(200);
        Iterator<String> tokens = flows.linksFromKafka(negotiating, 1, 1).values().iterator();
        String signedToken = tokens.next();
        assertThat(flows.signByLink(signedToken, "김원장").status()).isEqualTo(200);
        assertThat(flows.signByLink(tokens.next(), "이지사").status()).isEqualTo(200);
        String declinedToken = tokens.next();
        assertThat(flows.declineByLink(declinedToken, "제3조의 비용 분담 문구를 고쳐 주세요").status()).isEqualTo(200);
        String circulating = flows.create(Mous.jeju());
        assertThat(flows.circulate(circulating).status()).isEqualTo(200);
        String pendingToken = flows.linksFromKafka(circulating, 1, 1).values().iterator().next();
        // one signed by every party
        String executed = flows.create(Mous.jeju());
        assertThat(flows.circulate(executed).status()).isEqualTo(200);
        flows.hqSignAll(executed);
        String draft = flows.create(Mous.jeju());

        List<String> allowed = new ArrayList<>(PROPER_NAMES);
        allowed.add("김원장");
        allowed.add("이지사");
        JsonNode listed = api.get("/api/agreements?size=200", TestTokens.hqAdmin()).json();
        for (JsonNode item : listed.path("items")) {
            String id = item.path("id").asString();
            hangulValues(api.get("/api/agreements/" + id, TestTokens.hqAdmin()).json(), allowed);
            hangulValues(api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json(), allowed);
            hangulValues(api.get("/api/agreements/" + id + "/versions/1", TestTokens.hqAdmin()).json(), allowed);
        }
        String missing = UUID.randomUUID().toString();

        List<String> findings = new ArrayList<>();
        PageWalker hq = new PageWalker(port).devSignIn(Roles.HQ_ADMIN, null, null);
        walk(findings, allowed, hq, 200, "/agreements", "/agreements?state=CIRCULATING", "/agreements/" + negotiating,
                "/agreements/" + circulating, "/agreements/" + executed, "/agreements/" + draft);
        // an unknown state filter is said beside the filter, on the list
        walk(findings, allowed, hq, 200, "/agreements?state=NOPE");
        walk(findings, allowed, hq, 404, "/agreements/" + missing, "/no-such-page");

        PageWalker jeju = new PageWalker(port).devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        walk(findings, allowed, jeju, 200, "/agreements");
        // a MOU tied to no event of the office's region is "not found" to it
        walk(findings, allowed, jeju, 404, "/agreements/" + executed);
        PageWalker ops = new PageWalker(port).devSignIn(Roles.OPS, null, null);
        walk(findings, allowed, ops, 403, "/agreements");

        PageWalker party = new PageWalker(port);
        walk(findings, allowed, party, 200, "/sign-in", "/sign/" + pendingToken, "/sign/" + signedToken);
        walk(findings, allowed, party, 404, "/sign/not-a-signing-link");
        walk(findings, allowed, party, 405, "/sign/" + pendingToken + "/sign");

        assertThat(findings).isEmpty();
    }

    /** The agreements' own text in Korean (titles, institutions, representatives, reasons): data, in any page. */
    private static void hangulValues(JsonNode node, List<String> into) {
        if (node.isString()) {
            String s = node.asString();
            if (s.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3)) {
                into.add(s);
            }
        }
        for (JsonNode child : node) {
            hangulValues(child, into);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                hangulValues(e.getValue(), into);
            }
        }
    }

    private static void walk(List<String> findings, List<String> allowed, PageWalker walker, int status, String... paths) {
        for (String path : paths) {
            for (String lang : List.of("ko", "en")) {
                PageWalker.Page page = walker.get(path, lang);
                if (page.status() != status) {
                    findings.add(path + " [" + lang + "]: status " + page.status() + ", expected " + status);
                }
                findings.addAll(PageWalker.findings(page, lang, allowed, false));
            }
        }
    }
}
