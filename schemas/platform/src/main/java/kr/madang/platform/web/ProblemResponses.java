package kr.madang.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every error of every Madang API as an RFC 9457 problem naming the field at fault. Bad input is a 4xx,
 * a database that is away a 503 with Retry-After; nothing reveals a stack trace or SQL.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.title());
        if (problem.field() != null) {
            body.setProperty("field", problem.field());
            body.setProperty("errors", List.of(Map.of("field", problem.field(), "message", problem.getMessage())));
        }
        problem.properties().forEach(body::setProperty);
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldMessage> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldMessage(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldMessage(e.getName(), "has an invalid value"))));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessException.class})
    public ResponseEntity<ProblemDetail> databaseAway(Exception e) {
        if (DatabaseAway.busy(e)) {
            return busy(new Busy(e));
        }
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database just now. Retry shortly.");
        body.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(body);
    }

    /** Contention (a deadlock, a lock wait timed out, a queue too long): nothing was written; retry in a moment. */
    @ExceptionHandler(Busy.class)
    public ResponseEntity<ProblemDetail> busy(Busy e) {
        log.warn("Busy: {}", e.getCause() == null ? "queue" : e.getCause().getClass().getSimpleName());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many changes to the same record at once; nothing was saved. Retry in a moment.");
        body.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(body);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseAway.busy(e)) {
            return busy(new Busy(e));
        }
        if (DatabaseAway.in(e)) {
            return databaseAway(e); // the outage, wrapped (a failed commit, a batch's failure): still a 503
        }
        // Messages of driver exceptions can quote personal data (a duplicate key's email): log the stack, not the text.
        log.error("Unexpected error", withoutMessages(e));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        body.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldMessage(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldMessage(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String field = error instanceof FieldError fe ? fe.getField() : result.getMethodParameter().getParameterName();
            errors.add(new FieldMessage(field, error.getDefaultMessage()));
        }));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        String field = "body";
        String message = "is not readable JSON";
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            message = "has an invalid value";
        } else if (cause instanceof StreamReadException) {
            message = "is malformed JSON or not valid UTF-8";
        }
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldMessage(field, message))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getDetail() != null
                && statusCode.is5xxServerError()) {
            problem.setDetail("An unexpected error occurred; it has been logged.");
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Content-Type "
                + (e.getContentType() == null ? "(none)" : e.getContentType()) + " is not accepted here; use "
                + e.getSupportedMediaTypes(), HttpHeaders.CONTENT_TYPE);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e, HttpHeaders headers,
                                                                      HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                "This resource is available as " + e.getSupportedMediaTypes(), HttpHeaders.ACCEPT);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMethod() + " is not allowed here", "method");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldMessage(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldMessage(e.getRequestPartName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        String field = e instanceof MissingRequestHeaderException missing ? missing.getHeaderName() : "request";
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldMessage(field, "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", "The upload is too large", "file");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, String field) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setProperty("field", field);
        body.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return ResponseEntity.status(status).body(body);
    }

    /** The exception chain with its stack traces but without messages, for logs. */
    static Throwable withoutMessages(Throwable e) {
        Throwable cause = e.getCause() != null && e.getCause() != e ? withoutMessages(e.getCause()) : null;
        // the SQLSTATE says what failed without quoting anyone's data
        String name = e instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? e.getClass().getName() + " (SQLSTATE " + sql.getSQLState() + ")" : e.getClass().getName();
        RuntimeException copy = new RuntimeException(name, cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** A 400 problem listing every field at fault, first one also as {@code field}: services use it for their own rules. */
    public static ProblemDetail invalid(List<FieldMessage> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
        body.setTitle("Invalid request");
        if (!errors.isEmpty()) {
            body.setProperty("field", errors.getFirst().field());
        }
        body.setProperty("errors", errors.stream().map(f -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", f.field());
            m.put("message", f.message());
            return m;
        }).toList());
        return body;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    public record FieldMessage(String field, String message) {
    }
}
