package kr.madang.registration.web;

import kr.madang.platform.web.ProblemWriter;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies before anything reads them (413 naming the body): a JSON request is a few kilobytes,
 * an attendee import a few hundred rows.
 */
@Component
public class RequestLimits extends OncePerRequestFilter implements org.springframework.core.Ordered {

    private final long maxJsonBytes;
    private final long maxImportBytes;

    public RequestLimits(@Value("${madang.registration.max-json-bytes:65536}") long maxJsonBytes,
                         @Value("${madang.registration.max-import-bytes:5242880}") long maxImportBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxImportBytes = maxImportBytes;
    }

    /** Before security and everything else: an oversized body is refused without being read. */
    @Override
    public int getOrder() {
        return org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20;
    }

    public long maxBytes(HttpServletRequest request) {
        // The API's upload and the import page's form take a file; everything else is a small JSON body or form.
        String uri = request.getRequestURI();
        return uri.endsWith("/imports") || uri.endsWith("/import") ? maxImportBytes : maxJsonBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = maxBytes(request);
        if (request.getContentLengthLong() > max) {
            ProblemWriter.write(request, response, 413, "Content too large",
                    "The request body is larger than " + max + " bytes", "body");
            return;
        }
        chain.doFilter(request, response);
    }
}
