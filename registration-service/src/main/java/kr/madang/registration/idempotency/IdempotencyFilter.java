package kr.madang.registration.idempotency;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import kr.madang.platform.web.ProblemWriter;
import kr.madang.registration.web.RequestLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST: the first request with a key runs and its answer is kept; a retry with the
 * same key and the same request gets that answer again (with {@code Idempotent-Replayed: true}) and changes nothing;
 * the same key with a different request is refused (422); a retry while the first is still running gets 409 and
 * retries shortly. Keys belong to the caller (token subject; for anonymous callers, their client address). Server errors are not kept,
 * so a request that failed for a passing reason can be retried with the same key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final RequestLimits limits;

    public IdempotencyFilter(IdempotencyStore store, RequestLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            ProblemWriter.write(request, response, 400, "Invalid request",
                    "must be 1 to 255 visible ASCII characters", HEADER);
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // Anonymous callers are told apart by client address (resolved from trusted proxies only): one stranger's
        // key can neither replay nor block another's.
        String scope = auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())
                ? "anon:" + request.getRemoteAddr() : "sub:" + auth.getName();

        HttpServletRequest forward = request;
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                digest.update(part.getName().getBytes(StandardCharsets.UTF_8));
                digest.update(part.getInputStream().readAllBytes());
            }
        } else {
            long max = limits.maxBytes(request);
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                ProblemWriter.write(request, response, 413, "Content too large",
                        "The request body is larger than " + max + " bytes", "body");
                return;
            }
            digest.update(String.valueOf(contentType).getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            forward = new CachedBody(request, body);
        }
        String hash = HexFormat.of().formatHex(digest.digest());

        if (!store.claim(scope, key, hash)) {
            var saved = store.find(scope, key).orElse(null);
            if (saved == null) {
                if (!store.claim(scope, key, hash)) { // released meanwhile; someone else may have claimed it again
                    inProgress(request, response);
                    return;
                }
            } else if (store.abandoned(saved)) {
                if (!store.takeOver(scope, key, hash)) { // another retry took it over first
                    inProgress(request, response);
                    return;
                }
            } else if (!saved.requestHash().equals(hash)) {
                ProblemWriter.write(request, response, 422, "Idempotency-Key reused",
                        "This key was already used for a different request", HEADER);
                return;
            } else if (saved.status() == null) {
                inProgress(request, response);
                return;
            } else {
                replay(saved, response);
                return;
            }
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(forward, captured);
            int status = captured.getStatus();
            if (status < 500) {
                store.complete(scope, key, status, captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                        captured.getContentAsByteArray(), request.getRequestURI());
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(scope, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.Saved saved, HttpServletResponse response) throws IOException {
        response.setStatus(saved.status());
        if (saved.contentType() != null) {
            response.setContentType(saved.contentType());
        }
        if (saved.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, saved.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (saved.body() != null) {
            response.getOutputStream().write(saved.body());
        }
    }

    private static void inProgress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        ProblemWriter.write(request, response, 409, "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry shortly", HEADER);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once, so it can be hashed and still be read by the controller. */
    static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
