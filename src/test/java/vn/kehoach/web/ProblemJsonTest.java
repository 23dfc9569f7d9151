package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import vn.kehoach.problem.ProblemType;

/** The mapping of failures that no module raises itself: an exhausted connection pool is "busy", not a 500. */
class ProblemJsonTest {

    @Test
    void anExhaustedPoolIsABusyServerThatSaysWhenToTryAgain() {
        var failure = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms"));
        var problem = ProblemJson.of(failure, "GET /api/v1/comparisons");
        assertThat(problem.type()).isEqualTo(ProblemType.BUSY);
        var response = ProblemJson.response(problem, ProblemJson.status(failure, problem), "/api/v1/comparisons");
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody()).containsEntry("error", "Máy chủ đang bận, hãy thử lại sau vài giây")
                .containsEntry("title", "Máy chủ đang bận");
        assertThat(response.getBody().toString()).doesNotContain("HikariPool");
    }
}
