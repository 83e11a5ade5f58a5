package kr.madang.platform.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkSignerUnitTests {

    final LinkSigner signer = new LinkSigner("a-secret-of-enough-length", 16);

    @Test
    void opensWhatItSealed() {
        String token = signer.seal("c.abc.def.xyz");
        assertThat(signer.open(token)).contains("c.abc.def.xyz");
    }

    @Test
    void refusesAnAlteredPayloadOrSignatureOrAnotherSecret() {
        String token = signer.seal("c.abc");
        assertThat(signer.open(token.replace("c.abc", "c.abd"))).isEmpty();
        assertThat(signer.open(token.substring(0, token.length() - 2) + "AA")).isEmpty();
        assertThat(new LinkSigner("another-secret-of-length", 16).open(token)).isEmpty();
        assertThat(signer.open("no-seal")).isEmpty();
        assertThat(signer.open(null)).isEmpty();
        assertThat(signer.open("x.!!!")).isEmpty();
    }

    @Test
    void encodesAnyTextUrlSafely() {
        String encoded = LinkSigner.encode("sign|제주|v1");
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(LinkSigner.decode(encoded)).contains("sign|제주|v1");
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new LinkSigner("short")).hasMessageContaining("16");
    }

    @Test
    void keyedHashesAreStableAndSecretBound() {
        assertThat(signer.keyedHash("a@b.kr")).isEqualTo(signer.keyedHash("a@b.kr"))
                .isNotEqualTo(new LinkSigner("another-secret-of-length").keyedHash("a@b.kr"));
    }
}
