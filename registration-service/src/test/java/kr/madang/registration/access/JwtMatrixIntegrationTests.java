package kr.madang.registration.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tokens the way an outsider would try them against {@code /api/events}: each is a valid HQ_ADMIN token but for one
 * thing (no exp, expired, not yet valid, foreign or no issuer, foreign or no audience, alg none, HS256 keyed with the
 * public key, a key id the JWK set does not hold, ...), and each is refused with a 401 problem. The actuator answers
 * as in every service: health open, metrics for OPS only.
 */
class JwtMatrixIntegrationTests extends IntegrationTestBase {

    private static final String PROTECTED = "/api/events";

    @TestFactory
    Stream<DynamicTest> everyBadTokenIsRefused() {
        var tokens = new java.util.LinkedHashMap<>(TestTokens.refused());
        tokens.put("right key, unknown kid", TestTokens.withUnknownKeyId());
        return tokens.entrySet().stream().map(bad -> DynamicTest.dynamicTest(bad.getKey(), () -> {
            Response response = get(PROTECTED, bad.getValue());
            assertThat(response.status()).as(bad.getKey()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.text("title")).isEqualTo("Unauthorized");
        }));
    }

    @Test
    void aValidTokenIsAccepted() {
        assertThat(get(PROTECTED, TestTokens.hqAdmin()).status()).isEqualTo(200);
        assertThat(get(PROTECTED, null).status()).isEqualTo(401);
    }

    @Test
    void metricsNeedAnOpsTokenHealthDoesNot() {
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestTokens.regionalOffice("JEJU")).status()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", TestTokens.ops()).status()).isEqualTo(200);
    }
}
