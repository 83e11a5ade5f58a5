package kr.madang.agreement.api;

import kr.madang.agreement.mou.AgreementAction;
import kr.madang.agreement.mou.TransitionRefused;
import kr.madang.agreement.mou.UnknownParty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The agreement's refusals as RFC 9457 problems: a transition not allowed now is a 409 naming the current state and
 * the actions that are allowed. Ordered before the platform's catch-all so these never become 500s.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AgreementProblems {

    @ExceptionHandler(TransitionRefused.class)
    ResponseEntity<ProblemDetail> refused(TransitionRefused e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        body.setTitle(switch (e.code()) {
            case "NOT_YOUR_TURN" -> "Not this party's turn to sign";
            case "NO_DOCUMENT" -> "No document to circulate";
            case "ALREADY_SIGNED" -> "Already signed";
            default -> "Transition not allowed";
        });
        body.setProperty("code", e.code());
        body.setProperty("state", e.state().name());
        body.setProperty("amendment", e.amendment().name());
        body.setProperty("action", e.action().apiName());
        body.setProperty("allowedActions", e.allowed().stream().map(AgreementAction::apiName).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(UnknownParty.class)
    ResponseEntity<ProblemDetail> unknownParty(UnknownParty e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        body.setTitle("Not found");
        body.setProperty("field", "partyId");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
}
