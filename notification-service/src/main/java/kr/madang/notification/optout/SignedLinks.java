package kr.madang.notification.optout;

import java.time.Instant;
import java.util.Optional;

import kr.madang.platform.links.LinkSigner;


/**
 * HMAC-signed, expiring tokens for links in messages, and keyed hashes of addresses (so an opt-out is kept without
 * keeping the address). The secret comes from {@code madang.links.secret}.
 */
public class SignedLinks {

    private final LinkSigner signer;

    public SignedLinks(String secret) {
        this.signer = new LinkSigner(secret);
    }

    /** A token carrying {@code payload} until {@code expires}. */
    public String sign(String payload, Instant expires) {
        return signer.seal(LinkSigner.encode(payload + "|" + expires.getEpochSecond()));
    }

    /** The payload, if the token is authentic and not expired at {@code now}. */
    public Optional<String> verify(String token, Instant now) {
        Optional<String> body = signer.open(token).flatMap(LinkSigner::decode);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        int bar = body.get().lastIndexOf('|');
        try {
            if (bar < 0 || Instant.ofEpochSecond(Long.parseLong(body.get().substring(bar + 1))).isBefore(now)) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(body.get().substring(0, bar));
    }

    /** A keyed hash of an address, stable across restarts, useless without the secret. */
    public String addressHash(String address) {
        return signer.keyedHash("address|" + address.strip().toLowerCase());
    }
}
