package kr.madang.agreement;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 4xx RFC 9457 problem naming the field, never a 500, and nothing is written. */
@AgreementIntegrationTest
class BadInputIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.set("2023-02-01T10:00:00");
    }

    static Stream<Arguments> badDrafts() {
        String jeju = Mous.jeju();
        return Stream.of(
                Arguments.of("title", jeju.replace("\"title\":\"디지털 혁신 및 디지털플랫폼정부 실현을 위한 업무협약\"", "\"title\":\" \"")),
                Arguments.of("cooperationItems", jeju.replaceFirst("\"cooperationItems\":\\[[^]]*]", "\"cooperationItems\":[]")),
                Arguments.of("cooperationItems[1]", jeju.replace("\"전문 인력 양성을 위한 공동 교육 프로그램\"", "\"\"")),
                Arguments.of("parties", jeju.replaceFirst("(?s)\"parties\":\\[.*]", "\"parties\":[]")),
                Arguments.of("parties[1].institution", jeju.replace("\"institution\":\"제주특별자치도\"", "\"institution\":\"\"")),
                Arguments.of("parties[2].contact.email", jeju.replace("klid@example.kr", "not-an-email")),
                Arguments.of("parties[3].contact.language", jeju.replace("\"language\":\"en\"", "\"language\":\"fr\"")),
                Arguments.of("parties[0].contact.phone", jeju.replace("010-1234-1000", "call me")),
                Arguments.of("parties[0].contact", jeju.replace("\"email\":\"krila@example.kr\",\"phone\":\"010-1234-1000\",", "")),
                Arguments.of("parties[6].institution", jeju.replace("\"institution\":\"제주대학교\"", "\"institution\":\"제주연구원\"")),
                Arguments.of("parties[0].step", jeju.replaceFirst("\"language\":\"ko\"}", "\"language\":\"ko\"},\"step\":2")),
                Arguments.of("effectiveDate", jeju.replace("\"2023-02-06\"", "\"2023-02-30\"")),
                Arguments.of("effectiveDate", jeju.replace("\"effectiveDate\":\"2023-02-06\",", "")),
                Arguments.of("termMonths", jeju.replace("\"termMonths\":24", "\"termMonths\":0")),
                Arguments.of("termMonths", jeju.replace("\"termMonths\":24", "\"termMonths\":\"two years\"")),
                Arguments.of("signingOrder", jeju.replace("\"PARALLEL\"", "\"RANDOM\"")),
                Arguments.of("forumEventId", jeju.replace("\"signingOrder\"", "\"forumEventId\":\"a b/c\",\"signingOrder\"")),
                Arguments.of("body", "{\"title\": ")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void aBadDraftIsRefusedNamingTheFieldAndNothingIsWritten(String field, String body) {
        long agreements = count("agreement");
        long history = count("agreement_history");
        var response = api.post("/api/agreements", TestTokens.hqAdmin(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body()).contains(field);
        assertThat(count("agreement")).isEqualTo(agreements);
        assertThat(count("agreement_history")).isEqualTo(history);
    }

    @Test
    void badCommandsOnAnAgreementNameTheField() {
        String id = new Flows(api).create(Mous.jeju());
        String hq = TestTokens.hqAdmin();
        String party = new Flows(api).partyIds(id).getFirst();
        assertField(api.post("/api/agreements/" + id + "/terminate", hq, "{}"), 400, "reason");
        assertField(api.post("/api/agreements/" + id + "/parties/" + party + "/decline", hq, "{\"reason\":\"\"}"), 400, "reason");
        assertField(api.post("/api/agreements/" + id + "/parties/" + party + "/signature", hq, "{}"), 400, "signerName");
        assertField(api.put("/api/agreements/" + id, hq, "{\"termMonths\":-1}"), 400, "termMonths");
        assertField(api.put("/api/agreements/" + id, hq, "{\"cooperationItems\":[]}"), 400, "cooperationItems");
        assertField(api.post("/api/agreements/" + id + "/accessions", hq, "{\"institution\":\"x\"}"), 400, "contact");
        assertThat(api.get("/api/agreements/not-a-uuid", hq).status()).isEqualTo(404);
        assertThat(api.get("/api/agreements/" + UUID.randomUUID(), hq).status()).isEqualTo(404);
        assertThat(api.post("/api/agreements/" + id + "/parties/nobody/signature", hq, "{\"signerName\":\"x\"}").status())
                .isIn(404, 409);
        assertThat(api.get("/api/agreements?state=SIDEWAYS", hq).status()).isEqualTo(400);
        assertThat(api.get("/api/agreements?size=100000", hq).status()).isEqualTo(400);
        assertThat(api.get("/api/agreements/" + id + "/versions/7", hq).status()).isEqualTo(404);
        assertField(api.put("/api/agreements/" + id + "/document", hq, "application/pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8)), 400, "body");
        assertThat(new Flows(api).historyActions(id)).containsExactly("Drafted");
    }

    @Test
    void anUploadedPdfBecomesTheDocumentWithItsHashAndIsServedBack() {
        Flows flows = new Flows(api);
        String id = flows.create(Mous.jeju());
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        var uploaded = api.put("/api/agreements/" + id + "/document?fileName=jeju-mou.pdf", TestTokens.hqAdmin(),
                "application/pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().path("document").path("type").asString()).isEqualTo("PDF");
        assertThat(uploaded.json().path("document").path("sha256").asString())
                .isEqualTo(kr.madang.agreement.mou.Document.sha256(pdf));
        var served = api.get("/api/agreements/" + id + "/versions/1/document", TestTokens.hqAdmin());
        assertThat(served.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(served.bytes()).isEqualTo(pdf);
        flows.circulate(id);
        String token = flows.linksFromKafka(id, 1, 1).values().iterator().next();
        assertThat(api.get("/api/signing/" + token + "/document", null).bytes()).isEqualTo(pdf);
        assertThat(flows.signByLink(token, "대표").json().path("documentSha256").asString())
                .isEqualTo(kr.madang.agreement.mou.Document.sha256(pdf));
    }

    private static void assertField(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
