package kr.madang.agreement.store;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded PDF documents of agreement versions. */
@Repository
public class Documents {

    public record Pdf(String fileName, String sha256, byte[] content) {
    }

    private final JdbcClient jdbc;

    public Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String agreementId, int version, String fileName, String sha256, byte[] content) {
        jdbc.sql("""
                insert into agreement_document (agreement_id, version, file_name, sha256, content)
                values (:id, :version, :fileName, :sha256, :content)
                on conflict (agreement_id, version) do update
                   set file_name = excluded.file_name, sha256 = excluded.sha256, content = excluded.content
                """)
                .param("id", UUID.fromString(agreementId)).param("version", version).param("fileName", fileName)
                .param("sha256", sha256).param("content", content)
                .update();
    }

    public Optional<Pdf> find(String agreementId, int version) {
        return jdbc.sql("select file_name, sha256, content from agreement_document where agreement_id = :id and version = :version")
                .param("id", UUID.fromString(agreementId)).param("version", version)
                .query((rs, n) -> new Pdf(rs.getString("file_name"), rs.getString("sha256"), rs.getBytes("content")))
                .optional();
    }
}
