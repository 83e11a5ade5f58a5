package kr.madang.registration.consent;

import static kr.madang.registration.forumevent.ForumEventRepository.instant;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import kr.madang.registration.rules.FieldError;
import kr.madang.registration.rules.InvalidFields;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The published consent policies ({@code consent_policy}). A published version never changes, so once read it is
 * kept in memory: checking a registration's {@code policyVersion} costs no query after the first.
 */
@Repository
public class ConsentPolicies {

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<String, ConsentPolicy> published = new ConcurrentHashMap<>();

    public ConsentPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConsentPolicy> find(String version) {
        if (version == null) {
            return Optional.empty();
        }
        ConsentPolicy known = published.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ConsentPolicy> read = jdbc.sql("select * from consent_policy where version = ?").param(version)
                .query((rs, n) -> new ConsentPolicy(rs.getString("version"), instant(rs, "published_at"),
                        new ConsentPolicy.Text(rs.getString("purpose_ko"), rs.getString("items_ko"),
                                rs.getString("retention_ko"), rs.getString("right_to_refuse_ko"),
                                rs.getString("refusal_consequence_ko")),
                        new ConsentPolicy.Text(rs.getString("purpose_en"), rs.getString("items_en"),
                                rs.getString("retention_en"), rs.getString("right_to_refuse_en"),
                                rs.getString("refusal_consequence_en"))))
                .optional();
        read.ifPresent(p -> published.put(version, p)); // unknown versions are not cached: one may be published later
        return read;
    }

    /** Refuses (400 naming {@code field}) a version that was never published. */
    public ConsentPolicy require(String version, String field) {
        return find(version).orElseThrow(() -> new InvalidFields(List.of(new FieldError(field,
                "is not a published consent policy version"))));
    }
}
