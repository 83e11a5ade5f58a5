package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class CsvImportIntegrationTests extends IntegrationTestBase {

    static final Charset CP949 = Charset.forName("x-windows-949");

    /** As Korean Excel saves it: CP949, Korean headers, CRLF; rows 4, 6 and 7 are wrong, row 8 repeats row 2. */
    static String officials(String suffix) {
        return String.join("\r\n",
                "이름,이메일,휴대전화,소속,직위,구분,언어,휠체어,개인정보동의",
                "김민지,minji." + suffix + "@jeju.go.kr,010-1234-5678,제주특별자치도,주무관,일반,한국어,N,Y",
                "박서준,seojun." + suffix + "@jeju.go.kr,010-2345-6789,\"제주연구원, 정책실\",연구위원,연사,ko,Y,Y",
                "이서연,not-an-email,010-3456-7890,제주대학교,교수,일반,ko,N,Y",
                "Maria Lopez,maria." + suffix + "@mitic.gob.sv,+503 7012 3456,MITIC El Salvador,Director,해외대표단,영어,N,예",
                "최지우,jiwoo." + suffix + "@jeju.go.kr,010-4567-8901,제주테크노파크,선임,외계인,ko,N,Y",
                "정하늘,haneul." + suffix + "@jeju.go.kr,010-5678-9012,전자신문,기자,언론,ko,N,N",
                "김민지,MINJI." + suffix + "@jeju.go.kr,010-1234-5678,제주특별자치도,주무관,일반,ko,N,Y",
                "") ;
    }

    @Test
    void aCp949FileWithSomeBadRowsReportsExactlyThoseRowsThenImportsTheRest() {
        String eventId = openEvent("JEJU", 3, false, false);
        String suffix = eventId.substring(0, 8);
        byte[] file = officials(suffix).getBytes(CP949);
        String path = "/api/events/" + eventId + "/imports?policyVersion=2023-01";

        Response dryRun = send("POST", path, TestTokens.regionalOffice("JEJU"), "text/csv", file, Map.of());

        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        JsonNode report = dryRun.json();
        assertThat(report.path("encoding").asString()).isEqualTo("x-windows-949");
        assertThat(report.path("rows").asInt()).isEqualTo(7);
        assertThat(report.path("valid").asInt()).isEqualTo(3);
        assertThat(report.path("invalid").asInt()).isEqualTo(3);
        assertThat(report.path("duplicates").asInt()).isEqualTo(1);
        assertThat(rowsWith(report, "INVALID")).containsExactly(4, 6, 7);
        assertThat(rowsWith(report, "DUPLICATE")).containsExactly(8);
        assertThat(fieldOf(report, 4)).isEqualTo("email");
        assertThat(fieldOf(report, 6)).isEqualTo("attendeeType");
        assertThat(fieldOf(report, 7)).isEqualTo("consent.accepted");
        assertThat(report.path("report").get(6).path("duplicateOfRow").asInt()).as("a row number, not an id").isEqualTo(2);
        assertThat(report.path("report").get(6).path("alreadyRegistered").asBoolean()).isFalse();
        assertThat(report.path("report").get(1).path("organisation").asString())
                .as("the cells as decoded, to check the encoding before confirming").isEqualTo("제주연구원, 정책실");
        assertThat(report.path("report").get(3).path("name").asString()).isEqualTo("Maria Lopez");
        assertThat(report.path("wouldConfirm").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                .query(Long.class).single()).as("a dry run writes nothing").isZero();

        Response imported = send("POST", path + "&dryRun=false", TestTokens.regionalOffice("JEJU"), "text/csv", file, Map.of());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("registered").asInt()).isEqualTo(3);
        assertThat(rowsWith(imported.json(), "REGISTERED")).containsExactly(2, 3, 5);
        List<String> names = jdbc.sql("select name from registration where event_id = ?::uuid order by created_at")
                .param(eventId).query(String.class).list();
        assertThat(names).containsExactly("김민지", "박서준", "Maria Lopez");
        assertThat(jdbc.sql("select organisation from registration where event_id = ?::uuid and name = '박서준'")
                .param(eventId).query(String.class).single()).isEqualTo("제주연구원, 정책실");
        assertThat(jdbc.sql("select phone || ' ' || language || ' ' || attendee_type from registration where event_id = ?::uuid and name = 'Maria Lopez'")
                .param(eventId).query(String.class).single()).isEqualTo("+50370123456 EN INTERNATIONAL_DELEGATE");
        assertThat(jdbc.sql("select source from registration where event_id = ?::uuid group by source").param(eventId)
                .query(String.class).list()).containsExactly("IMPORT");

        Response again = send("POST", path + "&dryRun=false", TestTokens.regionalOffice("JEJU"), "text/csv", file, Map.of());
        assertThat(again.json().path("registered").asInt()).as("a second import finds them all registered").isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(4);
        assertThat(again.json().path("report").get(0).path("alreadyRegistered").asBoolean()).isTrue();
        assertThat(again.json().path("report").get(0).path("duplicateOfRow").isNumber()).isFalse();
        assertThat(again.json().toString()).as("no other registration's id in the report")
                .doesNotContain(jdbc.sql("select id::text from registration where event_id = ?::uuid and name = '김민지'")
                        .param(eventId).query(String.class).single());
    }

    @Test
    void aUtf8FileWithBomUploadedAsAFormFieldImportsToo() {
        String eventId = openEvent("JEJU", 10, false, false);
        byte[] csv = ("\uFEFFname,email,consent,language\r\nAnan Chaiyaporn,anan-" + eventId.substring(0, 8)
                + "@dga.or.th,yes,en\r\n").getBytes(StandardCharsets.UTF_8);
        String boundary = "----madang";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"attendees.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + new String(csv, StandardCharsets.UTF_8) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        Response imported = send("POST", "/api/events/" + eventId + "/imports?policyVersion=2023-01&dryRun=false",
                TestTokens.hqAdmin(), "multipart/form-data; boundary=" + boundary, body, Map.of());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("encoding").asString()).isEqualTo("UTF-8");
        assertThat(imported.json().path("registered").asInt()).isEqualTo(1);
    }

    private static List<Integer> rowsWith(JsonNode report, String status) {
        return report.path("report").valueStream().filter(r -> r.path("status").asString().equals(status))
                .map(r -> r.path("row").asInt()).toList();
    }

    private static String fieldOf(JsonNode report, int row) {
        return report.path("report").valueStream().filter(r -> r.path("row").asInt() == row).findFirst().orElseThrow()
                .path("errors").get(0).path("field").asString();
    }

    /**
     * Issue 14: the largest file allowed is written like a group commit (seats in file order, waitlist positions
     * 1..n in file order, one row each), and an email registered by someone else between the check and the write
     * rolls the whole import back with a 409, never a 500.
     */
    @Test
    void theLargestFileTakesSeatsAndWaitlistPositionsInFileOrder() {
        String eventId = openEvent("JEJU", 100, true, false);
        StringBuilder csv = new StringBuilder("name,email,consent,language\r\n");
        String tag = eventId.substring(0, 8);
        for (int i = 1; i <= 5_000; i++) {
            String hangulNumber = Integer.toString(i).chars().mapToObj(d -> String.valueOf("영일이삼사오육칠팔구".charAt(d - '0')))
                    .collect(java.util.stream.Collectors.joining());
            csv.append("참가자").append(hangulNumber).append(",bulk-").append(i).append('-').append(tag)
                    .append("@example.kr,yes,ko\r\n");
        }
        Response imported = send("POST", "/api/events/" + eventId + "/imports?policyVersion=2023-01&dryRun=false",
                TestTokens.regionalOffice("JEJU"), "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("registered").asInt())
                .as(imported.body().substring(0, Math.min(600, imported.body().length()))).isEqualTo(5_000);
        assertThat(imported.json().path("confirmed").asInt()).isEqualTo(100);
        assertThat(imported.json().path("waitlisted").asInt()).isEqualTo(4_900);
        List<String> seated = jdbc.sql("""
                select email from registration where event_id = ?::uuid and status = 'CONFIRMED'""")
                .param(eventId).query(String.class).list();
        assertThat(seated).hasSize(100).allSatisfy(email -> assertThat(Integer.parseInt(email.split("-")[1]))
                .isLessThanOrEqualTo(100));
        List<Integer> fileOrder = jdbc.sql("""
                select split_part(email, '-', 2)::int from registration where event_id = ?::uuid and status = 'WAITLISTED'
                order by waitlist_position""").param(eventId).query(Integer.class).list();
        assertThat(fileOrder).isEqualTo(java.util.stream.IntStream.rangeClosed(101, 5_000).boxed().toList());
        assertThat(jdbc.sql("select confirmed, waitlist_issued from forum_event where id = ?::uuid").param(eventId)
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single()).containsExactly(100, 4_900);
    }

    @Test
    void anImportIntoAnEventThatClosedMeanwhileIsRefusedWholeWithA409() {
        String eventId = openEvent("JEJU", 10, true, false);
        assertThat(post("/api/events/" + eventId + "/close", TestTokens.hqAdmin(), "{}").status()).isEqualTo(200);
        byte[] csv = ("name,email,consent,language\r\n김하나,late-" + eventId.substring(0, 8) + "@example.kr,yes,ko\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Response refused = send("POST", "/api/events/" + eventId + "/imports?policyVersion=2023-01&dryRun=false",
                TestTokens.regionalOffice("JEJU"), "text/csv", csv, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("reason").asString()).isEqualTo("CHANGED_MEANWHILE");
        assertThat(refused.body()).doesNotContain("late-");
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                .query(Long.class).single()).isZero();
    }
}
