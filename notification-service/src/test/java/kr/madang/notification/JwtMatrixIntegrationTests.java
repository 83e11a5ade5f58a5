package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.stream.Stream;

import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Tokens the way an outsider would try them against {@code /api/notifications}: each is a valid HQ_ADMIN token but
 * for one thing (no exp, expired, not yet valid, foreign or no issuer, foreign or no audience, alg none, HS256 keyed
 * with the public key, a key id the JWK set does not hold, ...), and each is refused with a 401 problem. The actuator
 * answers as in every service: health open, metrics for OPS only.
 */
class JwtMatrixIntegrationTests extends NotificationIntegrationTest {

    private static final String PROTECTED = "/api/notifications";

    @TestFactory
    Stream<DynamicTest> everyBadTokenIsRefused() {
        var tokens = new LinkedHashMap<>(TestTokens.refused());
        tokens.put("right key, unknown kid", TestTokens.withUnknownKeyId());
        return tokens.entrySet().stream().map(bad -> DynamicTest.dynamicTest(bad.getKey(), () -> {
            var result = call(PROTECTED, bad.getValue()).expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as(bad.getKey()).isEqualTo(401);
            assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
            assertThat(JSON.readTree(result.getResponseBody()).path("title").asString()).isEqualTo("Unauthorized");
        }));
    }

    @Test
    void aValidTokenIsAccepted() {
        assertThat(status(PROTECTED, TestTokens.ops())).isEqualTo(200);
        assertThat(status(PROTECTED, null)).isEqualTo(401);
    }

    @Test
    void metricsNeedAnOpsTokenHealthDoesNot() {
        assertThat(status("/actuator/health/liveness", null)).isEqualTo(200);
        assertThat(status("/actuator/prometheus", null)).isEqualTo(401);
        assertThat(status("/actuator/prometheus", TestTokens.regionalOffice("JEJU"))).isEqualTo(403);
        assertThat(status("/actuator/prometheus", TestTokens.ops())).isEqualTo(200);
    }

    private RestTestClient.ResponseSpec call(String uri, String token) {
        var request = http.get().uri(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    private int status(String uri, String token) {
        return call(uri, token).returnResult(String.class).getStatus().value();
    }
}
