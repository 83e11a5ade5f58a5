package kr.madang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Signed JWTs for tests, from a key pair made per test JVM, with the issuer and audience that
 * {@link MadangTestInfrastructure} configures, so these tokens are checked exactly as real ones are: the services
 * fetch this JVM's JWK set over HTTP ({@link #jwkSetUri()}), as they fetch the identity provider's in production.
 * {@link #refused()} are the tokens a service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.madang.test/realms/madang";
    public static final String AUDIENCE = "madang";
    public static final String KEY_ID = "madang-test-key";

    private static final KeyPair KEYS = generate();
    private static final KeyPair FOREIGN_KEYS = generate();
    private static Path publicKeyFile;
    private static HttpServer jwkSetServer;

    private TestTokens() {
    }

    public static String hqAdmin() {
        return token("hq-admin", List.of("HQ_ADMIN"), Map.of());
    }

    public static String regionalOffice(String region) {
        return token("office-" + region.toLowerCase(), List.of("REGIONAL_OFFICE"), Map.of("region", region));
    }

    public static String checkinStaff(String eventId) {
        return token("door-" + eventId, List.of("CHECKIN_STAFF"), Map.of("event", eventId));
    }

    public static String ops() {
        return token("ops", List.of("OPS"), Map.of());
    }

    /** A token with the given roles and extra claims, valid for an hour. */
    public static String token(String subject, List<String> roles, Map<String, Object> claims) {
        return sign(claims(subject, roles, claims).build());
    }

    /** The claims of a valid token (issuer, audience, an hour of validity), to change for a test. */
    public static JWTClaimsSet.Builder claims(String subject, List<String> roles, Map<String, Object> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", roles);
        claims.forEach(builder::claim);
        return builder;
    }

    /** Signed RS256 with this JVM's key and its key id, as the identity provider signs. */
    public static String sign(JWTClaimsSet claims) {
        return sign(claims, KEYS, KEY_ID);
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Tokens every service must answer with 401, by what is wrong with them; each would be a valid HQ_ADMIN token
     * but for that one thing.
     */
    public static Map<String, String> refused() {
        UnaryOperator<JWTClaimsSet.Builder> unchanged = b -> b;
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no exp", sign(hq(b -> b.expirationTime(null))));
        tokens.put("expired", sign(hq(b -> b.issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))));
        tokens.put("not yet valid", sign(hq(b -> b.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))))));
        tokens.put("foreign issuer", sign(hq(b -> b.issuer("https://login.example.org/realms/other"))));
        tokens.put("no issuer", sign(hq(b -> b.issuer(null))));
        tokens.put("foreign audience", sign(hq(b -> b.audience("another-service"))));
        tokens.put("no audience", sign(hq(b -> b.audience((String) null))));
        tokens.put("alg none", new PlainJWT(hq(unchanged)).serialize());
        tokens.put("HS256 with the public key as secret", hs256WithPublicKey(hq(unchanged)));
        tokens.put("unknown kid (foreign key)", sign(hq(unchanged), FOREIGN_KEYS, "someone-elses-key"));
        tokens.put("known kid, foreign key", sign(hq(unchanged), FOREIGN_KEYS, KEY_ID));
        tokens.put("tampered payload", tamperedRoles());
        tokens.put("garbage", "not-a-jwt");
        return tokens;
    }

    /** A token signed with this JVM's key but a key id its JWK set does not hold. */
    public static String withUnknownKeyId() {
        return sign(hq(b -> b), KEYS, "unknown-" + UUID.randomUUID());
    }

    private static JWTClaimsSet hq(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(claims("hq-admin", List.of("HQ_ADMIN"), Map.of())).build();
    }

    /** The classic key confusion: HMAC keyed with the bytes of the RSA public key a verifier might use as a secret. */
    private static String hs256WithPublicKey(JWTClaimsSet claims) {
        try {
            byte[] secret = publicKeyPem().getBytes(StandardCharsets.US_ASCII);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A genuine OPS token whose payload was swapped for an HQ_ADMIN one, signature kept. */
    private static String tamperedRoles() {
        String[] genuine = ops().split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hq(b -> b).toString().getBytes(StandardCharsets.UTF_8));
        return genuine[0] + "." + forgedPayload + "." + genuine[2];
    }

    /** This JVM's public JWK set, served over HTTP once per JVM: for {@code ...resourceserver.jwt.jwk-set-uri}. */
    public static synchronized String jwkSetUri() {
        if (jwkSetServer == null) {
            try {
                byte[] body = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID(KEY_ID).build())
                        .toString(true).getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/.well-known/jwks.json", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (var out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                jwkSetServer = server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://127.0.0.1:" + jwkSetServer.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** The public key as a PEM file, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("madang-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, publicKeyPem());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "file:" + publicKeyFile;
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
