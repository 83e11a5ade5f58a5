package kr.madang.local.devtools.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import kr.madang.local.devtools.web.Http;

/**
 * The local stack's stand-in for the identity provider: signs RS256 JWTs with the claims the services read
 * ({@code roles}, {@code region}, {@code event}) and publishes its public key as a JWK set. The key is kept in
 * {@code .madang/token-issuer/key.json} so tokens stay valid across restarts. Local use only: it hands a token to
 * anyone who asks.
 *
 * <pre>
 * GET /dev/token?role=HQ_ADMIN                               the JWT as text (JSON with Accept: application/json)
 * GET /dev/token?role=REGIONAL_OFFICE&amp;region=JEJU
 * GET /dev/token?role=CHECKIN_STAFF&amp;event={eventId}
 * GET /dev/token?role=OPS[&amp;role=HQ_ADMIN][&amp;sub=...][&amp;ttl=3600]
 * GET /.well-known/jwks.json                                 the public key
 * </pre>
 */
public final class TokenIssuer implements AutoCloseable {

    public static final Set<String> ROLES = Set.of("HQ_ADMIN", "REGIONAL_OFFICE", "CHECKIN_STAFF", "OPS");
    private static final Duration MAX_TTL = Duration.ofDays(1);

    private final RSAKey key;
    private final String issuer;
    private final Clock clock;
    private final HttpServer web;

    public TokenIssuer(int port, Path store, Clock clock) throws IOException {
        this.key = loadOrCreateKey(store);
        this.issuer = "http://localhost:" + port;
        this.clock = clock;
        web = Http.server(port);
        web.createContext("/dev/token", Http.safe(this::token));
        web.createContext("/.well-known/jwks.json", Http.safe(exchange ->
                Http.send(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()
                        .getBytes(StandardCharsets.UTF_8))));
        web.createContext("/", Http.safe(this::page));
        web.start();
    }

    public String issuer() {
        return issuer;
    }

    /** Signs a token; throws {@link IllegalArgumentException} naming the parameter that is wrong. */
    public String issue(List<String> roles, String region, String event, String subject, Duration ttl) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("role: give at least one of " + ROLES);
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("role: '" + role + "' is not one of " + ROLES);
            }
        }
        if (roles.contains("REGIONAL_OFFICE") && (region == null || region.isBlank())) {
            throw new IllegalArgumentException("region: a REGIONAL_OFFICE token needs its region, e.g. region=JEJU");
        }
        if (roles.contains("CHECKIN_STAFF") && (event == null || event.isBlank())) {
            throw new IllegalArgumentException("event: a CHECKIN_STAFF token needs the forum event id, event=...");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl: seconds between 1 and " + MAX_TTL.toSeconds());
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                // the audience every service checks (madang.security.jwt.audiences)
                .audience("madang")
                .subject(subject != null && !subject.isBlank() ? subject : defaultSubject(roles, region, event))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(30)))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", List.copyOf(roles));
        if (region != null && !region.isBlank()) {
            claims.claim("region", region.toUpperCase(Locale.ROOT));
        }
        if (event != null && !event.isBlank()) {
            claims.claim("event", event);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    private static String defaultSubject(List<String> roles, String region, String event) {
        if (roles.contains("REGIONAL_OFFICE")) {
            return "office-" + region.toLowerCase(Locale.ROOT);
        }
        if (roles.contains("CHECKIN_STAFF")) {
            return "door-" + event;
        }
        return "dev-" + roles.getFirst().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void token(HttpExchange exchange) throws IOException {
        var query = Http.query(exchange);
        List<String> roles = new ArrayList<>();
        query.getOrDefault("role", List.of()).forEach(value -> {
            for (String role : value.split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.trim().toUpperCase(Locale.ROOT));
                }
            }
        });
        Duration ttl;
        try {
            String ttlParam = Http.first(query, "ttl");
            ttl = Duration.ofSeconds(ttlParam == null ? 8 * 3600 : Long.parseLong(ttlParam));
        } catch (NumberFormatException e) {
            Http.problem(exchange, 400, "Invalid ttl", "ttl: seconds between 1 and " + MAX_TTL.toSeconds());
            return;
        }
        String token;
        try {
            token = issue(roles, Http.first(query, "region"), Http.first(query, "event"), Http.first(query, "sub"), ttl);
        } catch (IllegalArgumentException e) {
            Http.problem(exchange, 400, "Invalid token request", e.getMessage());
            return;
        }
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        if (accept.contains("application/json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token);
            body.put("token_type", "Bearer");
            body.put("expires_in", ttl.toSeconds());
            Http.json(exchange, 200, body);
        } else {
            Http.text(exchange, 200, token);
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            Http.problem(exchange, 404, "Not found", exchange.getRequestURI().getPath());
            return;
        }
        Http.html(exchange, Http.page("Madang dev token issuer", """
                <p>Signed RS256 tokens for the local stack only; the services trust this issuer because the launcher
                points their <code>jwk-set-uri</code> at <a href="/.well-known/jwks.json">/.well-known/jwks.json</a>.</p>
                <ul>
                <li><a href="/dev/token?role=HQ_ADMIN">/dev/token?role=HQ_ADMIN</a> — the secretariat</li>
                <li><a href="/dev/token?role=REGIONAL_OFFICE&region=JEJU">/dev/token?role=REGIONAL_OFFICE&amp;region=JEJU</a> — a regional office</li>
                <li><code>/dev/token?role=CHECKIN_STAFF&amp;event={forum event id}</code> — door staff of one event</li>
                <li><a href="/dev/token?role=OPS">/dev/token?role=OPS</a> — operations</li>
                </ul>
                <pre>TOKEN=$(curl -s 'localhost:%d/dev/token?role=HQ_ADMIN')
                curl -H "Authorization: Bearer $TOKEN" localhost:8081/api/events</pre>
                """.formatted(web.getAddress().getPort())));
    }

    private static RSAKey loadOrCreateKey(Path store) throws IOException {
        Path file = store.resolve("key.json");
        if (Files.exists(file)) {
            try {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (ParseException e) {
                System.err.println("Unreadable " + file + "; making a new key: " + e.getMessage());
            }
        }
        try {
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
            Files.createDirectories(store);
            Files.writeString(file, generated.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return generated;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        web.stop(0);
    }
}
