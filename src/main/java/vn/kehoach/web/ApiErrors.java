package vn.kehoach.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.kehoach.problem.Problem;

/**
 * Every failure of the REST API as problem+json a person can act on — {"type": "urn:kehoach:problem:bad-input",
 * "title": "Dữ liệu không hợp lệ", "status": 400, "detail": "Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2",
 * "error": (the same), "field": "period", "value": "2021S3"} — mapped from the {@link Problem} each exception carries;
 * an unexpected one is a Vietnamese 500 with an incident code, its text only in the log.
 */
// Before PageErrors: a @RestController is a @Controller too, and must never get a page.
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiErrors {

    /**
     * Every failure, once: a module's refusal by its type, a missing or malformed parameter or body as 400, Spring's
     * own refusals with their status, anything unexpected as 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> any(Exception e, HttpServletRequest request) {
        Problem problem = ProblemJson.of(e, request.getMethod() + " " + request.getRequestURI());
        return ProblemJson.response(problem, ProblemJson.status(e, problem), request.getRequestURI());
    }
}
