package vn.kehoach.replica.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.replica.ReadReplica;
import vn.kehoach.replica.ReplicaRefused;

/** The gate's arithmetic and the refusals that need no database (the rest: ReadReplicaOnPostgresTest). */
class ReplicaGateTest {

    @Test
    void walPositionsCompareAsNumbers() {
        assertThat(ReplicaGate.lsn("0/3000000")).isEqualTo(0x3000000L);
        assertThat(ReplicaGate.lsn("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
        assertThat(ReplicaGate.lsn("1/0")).isGreaterThan(ReplicaGate.lsn("0/FFFFFFFF"));
        assertThat(ReplicaGate.text(ReplicaGate.lsn("16/B374D848"))).isEqualTo("16/B374D848");
    }

    @Test
    void aReplicaNeedsPostgresOnBothSidesAndTheMessageHidesTheUrlsParameters() {
        ReadReplica.checkUrls("jdbc:postgresql://a/k", null);
        ReadReplica.checkUrls("jdbc:h2:file:./data/kehoach", " ");
        ReadReplica.checkUrls("jdbc:postgresql://a/k", "jdbc:postgresql://b/k");
        assertThatThrownBy(() -> ReadReplica.checkUrls("jdbc:h2:file:./data/kehoach", "jdbc:postgresql://b/k"))
                .isInstanceOf(ReplicaRefused.class)
                .hasMessage("--db-replica chỉ dùng được khi cơ sở dữ liệu chính (--db) là PostgreSQL; "
                        + "cơ sở dữ liệu chính đang là tệp H2 nhúng.");
        assertThatThrownBy(() -> ReadReplica.checkUrls("jdbc:postgresql://a/k?user=u&password=secret",
                "jdbc:mysql://b/k?user=u&password=secret"))
                .hasMessageContaining("không phải «jdbc:mysql://b/k?…»").hasMessageNotContaining("secret");
        Problem problem = Problem.of(new IllegalStateException(new ReplicaRefused("x")));
        assertThat(problem.type()).isEqualTo(ProblemType.BAD_INPUT);
        assertThat(problem.type().exitCode()).isEqualTo(2);
    }
}
