package kr.madang.agreement.mou;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Agreements in every situation of the lifecycle, driven through the aggregate's own methods. */
final class Fixtures {

    static final LifecyclePolicy POLICY = LifecyclePolicy.defaults();
    static final Instant T0 = Instant.parse("2023-01-30T01:00:00Z");

    private Fixtures() {
    }

    static Agreement draft(int parties, SigningOrder order) {
        List<PartySpec> specs = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            specs.add(new PartySpec("기관 " + i, "대표 " + i, "원장", new Contact("대표 " + i, "p" + i + "@example.kr",
                    null, "ko"), order == SigningOrder.SEQUENTIAL ? i + 1 : null));
        }
        Agreement a = Agreement.draft(UUID.randomUUID().toString(), new DraftSpec(
                new Content("협약", "목적", List.of("하나", "둘", "셋"), Document.text("제1조")), order, specs, null, null,
                new Terms(LocalDate.parse("2023-03-01"), 12, false)), T0, "hq:test");
        a.drainEvents();
        return a;
    }

    /** A sequential draft whose parties sign at these steps (e.g. 1, 2, 2: the second and third sign together). */
    static Agreement sequential(int... steps) {
        List<PartySpec> specs = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            specs.add(new PartySpec("기관 " + i, "대표 " + i, "원장", new Contact("대표 " + i, "p" + i + "@example.kr",
                    null, "ko"), steps[i]));
        }
        Agreement a = Agreement.draft(UUID.randomUUID().toString(), new DraftSpec(
                new Content("협약", "목적", List.of("하나"), Document.text("제1조")), SigningOrder.SEQUENTIAL, specs, null,
                null, new Terms(LocalDate.parse("2023-03-01"), 12, false)), T0, "hq:test");
        a.drainEvents();
        return a;
    }

    static Agreement circulating() {
        Agreement a = draft(3, SigningOrder.PARALLEL);
        a.circulate(T0, "hq:test", POLICY);
        return a;
    }

    static Agreement negotiation() {
        Agreement a = circulating();
        a.decline(a.parties().get(0).id(), "수정 필요", T0, "party");
        return a;
    }

    static Agreement executed() {
        Agreement a = circulating();
        a.parties().forEach(p -> a.sign(p.id(), "서명자", null, T0, "party"));
        return a;
    }

    static Agreement active() {
        Agreement a = executed();
        a.advanceTo(Instant.parse("2023-03-01T00:00:00Z"), POLICY);
        return a;
    }

    static Agreement activeAmendmentInNegotiation() {
        Agreement a = active();
        a.amend(new Revision("개정", null, null, Document.text("제1조 개정"), null, null, null), T0, "hq:test");
        return a;
    }

    static Agreement activeAmendmentCirculating() {
        Agreement a = activeAmendmentInNegotiation();
        a.circulate(T0, "hq:test", POLICY);
        return a;
    }

    static Agreement activeWithAccession() {
        Agreement a = active();
        a.accede(new PartySpec("포스코홀딩스", "대표이사", null, new Contact("대표이사", "posco@example.kr", null, "en"), null),
                T0, "hq:test");
        return a;
    }

    static Agreement expiring() {
        Agreement a = active();
        a.advanceTo(Instant.parse("2024-02-01T00:00:00Z"), POLICY);
        return a;
    }

    static Agreement expired() {
        Agreement a = expiring();
        a.advanceTo(Instant.parse("2024-03-01T00:00:00Z"), POLICY);
        return a;
    }

    static Agreement terminated() {
        Agreement a = active();
        a.terminate("사업 종료", T0, "hq:test");
        return a;
    }
}
