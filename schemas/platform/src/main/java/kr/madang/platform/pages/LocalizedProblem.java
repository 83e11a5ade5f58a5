package kr.madang.platform.pages;

import kr.madang.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A refusal a page has already worded in the reader's language: the error page shows its detail as it is. */
public class LocalizedProblem extends ApiProblem {

    public LocalizedProblem(HttpStatus status, String title, String localizedDetail, String field) {
        super(status, title, localizedDetail, field);
    }
}
