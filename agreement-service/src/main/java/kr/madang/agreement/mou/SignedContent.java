package kr.madang.agreement.mou;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical form of everything a party signs: not only the document, but the title, purpose, cooperation items,
 * terms, the parties and the signing order. Its SHA-256 is recorded in each signature and shown on the signing page,
 * so that the operator can prove what exactly was signed (a change of terms alone gives a different hash).
 * <p>
 * Each field is written as {@code name:length:value} on its own line: lengths make the encoding unambiguous, and the
 * first line names the format so that it can evolve without making old hashes unverifiable.
 */
public final class SignedContent {

    static final String FORMAT = "madang-mou-signed-content/1";

    private SignedContent() {
    }

    /** The canonical text of this version as signed by these parties. */
    static String canonical(String agreementId, Version version, Terms terms, SigningOrder order, List<Party> parties) {
        Content c = version.content();
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        field(lines, "agreement", agreementId);
        field(lines, "version", Integer.toString(version.number()));
        field(lines, "title", c.title());
        field(lines, "purpose", c.purpose());
        field(lines, "cooperationItems", Integer.toString(c.cooperationItems().size()));
        c.cooperationItems().forEach(item -> field(lines, "item", item));
        field(lines, "effectiveDate", terms.effectiveDate() == null ? null : terms.effectiveDate().toString());
        field(lines, "termMonths", Integer.toString(terms.termMonths()));
        field(lines, "autoRenew", Boolean.toString(terms.autoRenew()));
        field(lines, "signingOrder", order.name());
        field(lines, "parties", Integer.toString(parties.size()));
        for (Party p : parties) {
            field(lines, "party", p.id());
            field(lines, "institution", p.institution());
            field(lines, "representativeName", p.representativeName());
            field(lines, "representativeTitle", p.representativeTitle());
            field(lines, "step", Integer.toString(p.step()));
        }
        field(lines, "documentKind", c.document() == null ? null : c.document().kind().name());
        field(lines, "documentSha256", version.documentSha256());
        return String.join("\n", lines);
    }

    static String sha256(String agreementId, Version version, Terms terms, SigningOrder order, List<Party> parties) {
        return Document.sha256(canonical(agreementId, version, terms, order, parties).getBytes(StandardCharsets.UTF_8));
    }

    private static void field(List<String> lines, String name, String value) {
        // a missing value ("-") differs from an empty one ("0:")
        lines.add(value == null ? name + ":-" : name + ":" + value.length() + ":" + value);
    }
}
