package kr.madang.local.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import kr.madang.local.devtools.token.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path store;

    @Test
    void issuesTokensTheJwkSetVerifiesWithTheClaimsTheServicesRead() throws Exception {
        int port = FreePorts.next();
        try (TokenIssuer issuer = new TokenIssuer(port, store, Clock.systemUTC())) {
            String token = get(port, "/dev/token?role=REGIONAL_OFFICE&region=jeju").body();
            RSAKey key = JWKSet.parse(get(port, "/.well-known/jwks.json").body()).getKeys().getFirst().toRSAKey();

            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(key.isPrivate()).as("the JWK set publishes only the public key").isFalse();
            assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
            assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("REGIONAL_OFFICE");
            assertThat(jwt.getJWTClaimsSet().getStringClaim("region")).isEqualTo("JEJU");
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:" + port);
            assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("madang");
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("office-jeju");
            assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
        }
    }

    @Test
    void checkinStaffTokensCarryTheirEventAndRolesCanBeCombined() throws Exception {
        int port = FreePorts.next();
        try (TokenIssuer issuer = new TokenIssuer(port, store, Clock.systemUTC())) {
            var staff = SignedJWT.parse(get(port, "/dev/token?role=CHECKIN_STAFF&event=evt-42").body()).getJWTClaimsSet();
            var both = SignedJWT.parse(get(port, "/dev/token?role=OPS,hq_admin").body()).getJWTClaimsSet();

            assertThat(staff.getStringClaim("event")).isEqualTo("evt-42");
            assertThat(both.getStringListClaim("roles")).containsExactly("OPS", "HQ_ADMIN");
        }
    }

    @Test
    void refusesTokenRequestsThatCouldNotWorkNamingTheParameter() throws Exception {
        int port = FreePorts.next();
        try (TokenIssuer issuer = new TokenIssuer(port, store, Clock.systemUTC())) {
            var noRegion = get(port, "/dev/token?role=REGIONAL_OFFICE");
            var unknownRole = get(port, "/dev/token?role=ROOT");
            var noEvent = get(port, "/dev/token?role=CHECKIN_STAFF");
            var badTtl = get(port, "/dev/token?role=OPS&ttl=forever");

            assertThat(noRegion.statusCode()).isEqualTo(400);
            assertThat(noRegion.body()).contains("\"detail\" : \"region:");
            assertThat(unknownRole.statusCode()).isEqualTo(400);
            assertThat(unknownRole.body()).contains("role: 'ROOT'");
            assertThat(noEvent.body()).contains("event:");
            assertThat(badTtl.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void keepsItsKeyAcrossRestartsSoIssuedTokensStayValid() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2023-02-06T04:00:00Z"), ZoneOffset.UTC);
        String token;
        try (TokenIssuer first = new TokenIssuer(FreePorts.next(), store, fixed)) {
            token = first.issue(List.of("HQ_ADMIN"), null, null, null, Duration.ofHours(1));
            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssueTime().toInstant())
                    .isEqualTo(Instant.parse("2023-02-06T04:00:00Z"));
        }
        try (TokenIssuer second = new TokenIssuer(FreePorts.next(), store, fixed)) {
            assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(second.publicKey()))).isTrue();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
