package vn.kehoach.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.kehoach.catalog.UnknownCodeException;
import vn.kehoach.approval.WorkflowException;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.datavalue.EntryLockedException;
import vn.kehoach.exchange.ImportException;
import vn.kehoach.orgunit.UnknownOrgUnitException;
import vn.kehoach.period.InvalidPeriodException;
import vn.kehoach.security.OutOfScopeException;

/**
 * Errors of the REST API as JSON a person can act on: {"status": 400, "error": "Kỳ '2021S3' không hợp lệ:
 * nửa năm chỉ có S1 hoặc S2", "field": "period", "value": "2021S3"}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    @ExceptionHandler(InvalidPeriodException.class)
    ResponseEntity<Map<String, Object>> period(InvalidPeriodException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), "period", e.id());
    }

    @ExceptionHandler(UnknownOrgUnitException.class)
    ResponseEntity<Map<String, Object>> orgUnit(UnknownOrgUnitException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), "orgUnit", e.code());
    }

    @ExceptionHandler(UnknownCodeException.class)
    ResponseEntity<Map<String, Object>> code(UnknownCodeException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), "code", e.code());
    }

    @ExceptionHandler(OutOfScopeException.class)
    ResponseEntity<Map<String, Object>> scope(OutOfScopeException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage(), null, null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return body(HttpStatus.CONFLICT, e.getMessage(), null, null);
    }

    /** A value of a submitted or approved form: 409, as DHIS2 answers a write to approved data. */
    @ExceptionHandler(EntryLockedException.class)
    ResponseEntity<Map<String, Object>> locked(EntryLockedException e) {
        return body(HttpStatus.CONFLICT, e.getMessage(), null, null);
    }

    @ExceptionHandler(WorkflowException.class)
    ResponseEntity<Map<String, Object>> workflow(WorkflowException e) {
        ResponseEntity<Map<String, Object>> r = body(HttpStatus.CONFLICT, e.getMessage(), null, null);
        r.getBody().put("problems", e.problems());
        return r;
    }

    @ExceptionHandler(ImportException.class)
    ResponseEntity<Map<String, Object>> importFailed(ImportException e) {
        ResponseEntity<Map<String, Object>> r = body(HttpStatus.BAD_REQUEST, "Không nhập được, chưa lưu gì", null, null);
        r.getBody().put("errors", e.errors().stream().map(Object::toString).toList());
        return r;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "Thiếu tham số '" + e.getParameterName() + "'", e.getParameterName(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "Tham số '" + e.getName() + "' không hợp lệ: '" + e.getValue() + "'",
                e.getName(), e.getValue() == null ? null : e.getValue().toString());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> bad(IllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), null, null);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, String field,
                                                            String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        if (value != null) {
            body.put("value", value);
        }
        return ResponseEntity.status(status).body(body);
    }
}
