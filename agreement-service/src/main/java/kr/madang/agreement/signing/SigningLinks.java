package kr.madang.agreement.signing;

import java.time.Instant;
import java.util.Optional;


import kr.madang.platform.links.LinkSigner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each party's own signing link: an HMAC-signed token naming the agreement, the party and the version it may sign,
 * valid until the circulation's deadline. No account is needed, and a link cannot be altered to reach another party,
 * another agreement or a later version.
 */
@Component
public class SigningLinks {

    /** What a valid token grants. */
    public record Grant(String agreementId, String partyId, int version, Instant expiresAt) {
    }

    private final LinkSigner signer;
    private final String baseUrl;

    public SigningLinks(@Value("${madang.links.secret}") String secret,
                        @Value("${madang.public-base-url}") String baseUrl) {
        this.signer = new LinkSigner(secret);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String token(Grant grant) {
        return signer.seal(LinkSigner.encode("sign|" + grant.agreementId() + "|" + grant.partyId() + "|" + grant.version()
                + "|" + grant.expiresAt().getEpochSecond()));
    }

    public String url(Grant grant) {
        return baseUrl + "/sign/" + token(grant);
    }

    /** The grant of a well-formed token with a valid signature (expiry is checked by the caller, against its clock). */
    public Optional<Grant> read(String token) {
        try {
            return signer.open(token).flatMap(LinkSigner::decode).map(payload -> payload.split("\\|"))
                    .filter(parts -> parts.length == 5 && parts[0].equals("sign"))
                    .map(parts -> new Grant(parts[1], parts[2], Integer.parseInt(parts[3]),
                            Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
