package vn.kehoach.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.orgunit.UnknownOrgUnitException;
import vn.kehoach.period.InvalidPeriodException;

class ProblemTest {

    @Test
    void aModulesRefusalCarriesItsTypeFieldAndValueThroughAnyWrapper() {
        Problem p = Problem.of(new IllegalStateException("wrapper", new InvalidPeriodException("2021S3", "nửa năm chỉ có S1 hoặc S2")));
        assertThat(p).isEqualTo(new Problem(ProblemType.BAD_INPUT, "Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2",
                "period", "2021S3", java.util.List.of()));
        assertThat(Problem.of(new UnknownOrgUnitException("HALANGG")).type().status()).isEqualTo(404);
        assertThat(Problem.of(new ConflictException("Số liệu … vừa được người khác sửa")).type()).isEqualTo(ProblemType.CONFLICT);
    }

    @Test
    void badInputExitsTwoAndAnUnexpectedFailureExitsOneWithoutItsOwnText() {
        assertThat(Problem.of(new IllegalArgumentException("mật khẩu phải có ít nhất 8 ký tự")).type().exitCode()).isEqualTo(2);
        Problem broken = Problem.of(new UncheckedIOException(new IOException("ERROR: duplicate key value violates unique constraint")));
        assertThat(broken.type()).isEqualTo(ProblemType.INTERNAL);
        assertThat(broken.type().exitCode()).isEqualTo(1);
        assertThat(broken.detail()).isEqualTo(Problem.INTERNAL_DETAIL).doesNotContain("duplicate");
        assertThat(broken.unexpected()).isTrue();
    }

    @Test
    void everyTypeHasAVietnameseTitleAndAStatus() {
        assertThat(ProblemType.FORBIDDEN.title()).isEqualTo("Không có quyền");
        assertThat(ProblemType.LOCKED.status()).isEqualTo(409);
        assertThat(ProblemType.ofStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.ofStatus(405)).isEqualTo(ProblemType.BAD_INPUT);
        assertThat(ProblemType.ofStatus(503)).isEqualTo(ProblemType.BUSY);
        assertThat(ProblemType.ofStatus(502)).isEqualTo(ProblemType.INTERNAL);
    }
}
