package kr.madang.registration.web;


import java.util.List;


import kr.madang.registration.rules.FieldError;
import kr.madang.registration.rules.InvalidFields;
import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;





import kr.madang.platform.web.ProblemResponses;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;



/**
 * The domain's refusals as RFC 9457 problems; the platform's {@code ProblemResponses} handles the rest.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RuleResponses {

    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidFields.class)
    public ResponseEntity<ProblemDetail> invalidFields(InvalidFields e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(StateConflict.class)
    public ResponseEntity<ProblemDetail> stateConflict(StateConflict e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        body.setTitle(e.title());
        body.setProperty("state", e.state());
        body.setProperty("allowedActions", e.allowedActions());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemResponses.invalid(
                errors.stream().map(f -> new ProblemResponses.FieldMessage(f.field(), f.message())).toList()));
    }
}
