package vn.kehoach.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;

/**
 * A {@link Problem} as the API answers it: RFC 9457 problem details ({@code application/problem+json}: type, title,
 * status, detail, instance) plus the keys clients of KeHoach have always read — {@code error} (the detail),
 * {@code field}, {@code value}, and the list of things to correct as {@code errors} and {@code problems}.
 */
final class ProblemJson {

    private static final Logger log = LoggerFactory.getLogger(ProblemJson.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    /** The body for a problem answered with {@code status} (the problem's own, unless HTTP says more, e.g. 405). */
    static Map<String, Object> body(Problem problem, int status, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().uri());
        body.put("title", problem.type().title());
        body.put("status", status);
        body.put("detail", problem.detail());
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("error", problem.detail());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        if (problem.value() != null) {
            body.put("value", problem.value());
        }
        if (!problem.errors().isEmpty()) {
            // Imports always listed their rows as "errors", workflow steps their reasons as "problems".
            body.put("errors", problem.errors());
            body.put("problems", problem.errors());
        }
        return body;
    }

    static ResponseEntity<Map<String, Object>> response(Problem problem, int status, String instance) {
        ResponseEntity.BodyBuilder r = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.type() == ProblemType.BUSY) {
            r.header("Retry-After", "5");
        }
        return r.body(body(problem, status, instance));
    }

    static ResponseEntity<Map<String, Object>> response(Problem problem, String instance) {
        return response(problem, problem.type().status(), instance);
    }

    /** The body as text, for the filters that answer before Spring MVC. */
    static String text(Problem problem, int status, String instance) {
        return JSON.writeValueAsString(body(problem, status, instance));
    }

    /**
     * The problem of a failure, its internals logged when it is unexpected (a database's own text, a stack trace):
     * the person gets the Vietnamese detail and an incident code to give the administrator, who finds it in the log.
     * Spring's own refusals keep their meaning: a denied access is 403, a wrong method 405, and so on.
     */
    static Problem of(Throwable failure, String where) {
        if (failure instanceof MissingServletRequestParameterException e) {
            return Problem.of(ProblemType.BAD_INPUT, "Thiếu tham số '" + e.getParameterName() + "'")
                    .at(e.getParameterName(), null);
        }
        if (failure instanceof MethodArgumentTypeMismatchException e) {
            return Problem.of(ProblemType.BAD_INPUT, "Tham số '" + e.getName() + "' không hợp lệ: '" + e.getValue() + "'")
                    .at(e.getName(), e.getValue() == null ? null : e.getValue().toString());
        }
        if (failure instanceof HttpMessageNotReadableException) {
            return Problem.of(ProblemType.BAD_INPUT, "Nội dung gửi lên không đọc được: cần JSON đúng cú pháp, đúng tên "
                    + "trường và kiểu giá trị");
        }
        if (failure instanceof CannotGetJdbcConnectionException) {
            // The pool is exhausted (see spring.datasource.hikari.connection-timeout): busy, not broken.
            return Problem.of(ProblemType.BUSY, "Máy chủ đang bận, hãy thử lại sau vài giây");
        }
        if (failure instanceof AccessDeniedException) {
            return Problem.of(ProblemType.FORBIDDEN, ErrorPages.detail(403));
        }
        if (failure instanceof ErrorResponse r && r.getStatusCode().value() < 500) {
            return Problem.of(ProblemType.ofStatus(r.getStatusCode().value()), ErrorPages.detail(r.getStatusCode().value()));
        }
        Problem problem = Problem.of(failure);
        if (!problem.unexpected()) {
            return problem;
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Lỗi hệ thống {} tại {}", incident, where, failure);
        return Problem.of(ProblemType.INTERNAL, Problem.INTERNAL_DETAIL + " Mã lỗi: " + incident + ".");
    }

    /** The HTTP status of a failure's problem: the problem's own, or the one Spring MVC gave it (405, 415…). */
    static int status(Throwable failure, Problem problem) {
        return failure instanceof ErrorResponse r && r.getStatusCode().value() < 500 ? r.getStatusCode().value()
                : problem.type().status();
    }
}
