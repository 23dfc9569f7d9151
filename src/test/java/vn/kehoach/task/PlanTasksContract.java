package vn.kehoach.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;

/**
 * Plan tasks on the demo district, on whichever database the subclass starts: Part 2 of the seed as tasks per
 * sector, an agency that sees and reports on its own tasks only, the overdue list, and refusals with nothing stored.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlanTasksContract {

    @Autowired
    DemoDistrict demo;
    @Autowired
    PlanTasks tasks;
    @Autowired
    Users users;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
        users.create("agency-tckh", "matkhau-tckh", "Cán bộ Phòng TCKH", Set.of(Role.REPORTER), "HL_TCKH", "test");
    }

    <T> T as(String username, Supplier<T> action) {
        var principal = users.principal(username).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    PlanTask byReference(String reference) {
        return tasks.list(new TaskFilter(2022, null, null, null, null)).stream()
                .filter(t -> reference.equals(t.reference())).findFirst().orElseThrow();
    }

    @Test
    void theDemoHasTheSeedsPartTwoTasksSectorBySectorInPlanOrder() {
        List<SectorTasks> part2 = tasks.bySector(2022);
        assertThat(part2).extracting(SectorTasks::sectorCode)
                .containsExactly("NN", "NTM", "TC", "TM", "XD", "TNMT", "GD", "YT", "VH", "LD", "NV", "QP");
        assertThat(part2.stream().mapToInt(s -> s.tasks().size()).sum()).isEqualTo(35);
        assertThat(part2.get(0).tasks()).hasSize(5).allMatch(t -> t.lead().code().equals("HL_NNPTNT"));
        PlanTask forest = byReference("II.1.4");
        assertThat(forest.content()).isEqualTo("Đẩy nhanh tiến độ trồng rừng thay thế để hoàn thành chỉ tiêu tỉnh giao.");
        assertThat(forest.deadline()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(forest.assignmentIllustrative()).isTrue();
        assertThat(byReference("II.2.5").cooperators()).extracting(UnitRef::code).containsExactly("HL_TNMT", "THANHNHAT");
    }

    @Test
    void anAgencySeesOnlyItsOwnTasksAndThoseItCooperatesOn() {
        List<PlanTask> seen = as("agency-nnptnt", () -> tasks.list(new TaskFilter(2022, null, null, null, null)));
        assertThat(seen).extracting(PlanTask::reference)
                .containsExactly("II.1.1", "II.1.2", "II.1.3", "II.1.4", "II.1.5", "II.1.6");
        List<PlanTask> tckh = as("agency-tckh", () -> tasks.list(new TaskFilter(2022, null, null, null, null)));
        // Phòng Tài chính - Kế hoạch leads II.2.1 and II.3.1 and cooperates on four more, listed in the plan's sector order.
        assertThat(tckh).extracting(PlanTask::reference)
                .containsExactly("II.1.2", "II.1.6", "II.3.1", "II.2.1", "II.2.2", "II.4.2");
    }

    @Test
    void theLeadAgencyReportsProgressAndADoneTaskLeavesTheOverdueList() {
        PlanTask forest = byReference("II.1.4");
        assertThat(tasks.overdue(LocalDate.of(2023, 1, 1))).extracting(PlanTask::id).contains(forest.id());
        as("agency-nnptnt", () -> tasks.report(forest.id(), LocalDate.of(2022, 6, 30),
                "Đã trồng 60% diện tích rừng thay thế", TaskStatus.IN_PROGRESS, "agency-nnptnt"));
        as("agency-nnptnt", () -> tasks.report(forest.id(), LocalDate.of(2022, 11, 15),
                "Hoàn thành trồng rừng thay thế", TaskStatus.DONE, "agency-nnptnt"));
        assertThat(tasks.require(forest.id()).status()).isEqualTo(TaskStatus.DONE);
        assertThat(tasks.notes(forest.id())).extracting(ProgressNote::notedOn)
                .containsExactly(LocalDate.of(2022, 11, 15), LocalDate.of(2022, 6, 30));
        assertThat(tasks.overdue(LocalDate.of(2023, 1, 1))).extracting(PlanTask::id).doesNotContain(forest.id());
    }

    @Test
    void nothingIsOverdueBeforeTheDeadlineAndEveryUnfinishedTaskIsAfterIt() {
        assertThat(tasks.overdue(LocalDate.of(2022, 12, 31))).noneMatch(t -> t.year() == 2022);
        long unfinished = tasks.list(new TaskFilter(2022, null, null, null, null)).stream()
                .filter(t -> t.status() != TaskStatus.DONE).count();
        assertThat(tasks.overdue(LocalDate.of(2023, 1, 1)).stream().filter(t -> t.year() == 2022).count())
                .isEqualTo(unfinished).isGreaterThan(30);
    }

    @Test
    void anAgencyCannotReportOnATaskItOnlyCooperatesOnOrDoesNotSee() {
        PlanTask linkage = byReference("II.1.2");
        long notes = tasks.notes(linkage.id()).size();
        assertThatThrownBy(() -> as("agency-tckh", () -> tasks.report(linkage.id(), LocalDate.of(2022, 5, 1),
                "Đã bố trí kinh phí", TaskStatus.IN_PROGRESS, "agency-tckh")))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("không được sửa số liệu của Phòng Nông nghiệp và Phát triển nông thôn");
        PlanTask land = byReference("II.2.4");
        assertThatThrownBy(() -> as("agency-nnptnt", () -> tasks.report(land.id(), LocalDate.of(2022, 5, 1),
                "x", TaskStatus.DONE, "agency-nnptnt"))).hasMessageContaining("Không có nhiệm vụ số " + land.id());
        assertThat(tasks.notes(linkage.id())).hasSize((int) notes);
        assertThat(tasks.require(land.id()).status()).isEqualTo(TaskStatus.NOT_STARTED);
    }

    @Test
    void aPlannerCreatesATaskAndBadUnitsOrSectorsAreRefusedWithNothingStored() {
        int before = tasks.list(TaskFilter.ALL).size();
        assertThatThrownBy(() -> tasks.create(draft("HL_KHONGCO", "XD"), "test"))
                .hasMessage("Nhiệm vụ: không có cơ quan chủ trì mã 'HL_KHONGCO'");
        assertThatThrownBy(() -> tasks.create(draft("HL_KTHT", "KHONGCO"), "test"))
                .hasMessage("Nhiệm vụ: không có lĩnh vực mã 'KHONGCO'");
        assertThatThrownBy(() -> tasks.create(draft("CAOBANG", "XD"), "test"))
                .hasMessage("Nhiệm vụ (Quy hoạch, xây dựng, đầu tư công): Tỉnh Cao Bằng không thuộc Huyện Hạ Lang");
        assertThatThrownBy(() -> as("agency-nnptnt", () -> tasks.create(draft("HL_NNPTNT", "NN"), "agency-nnptnt")))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(tasks.list(TaskFilter.ALL)).hasSize(before);
        PlanTask t = tasks.create(draft("HL_KTHT", "XD"), "test");
        assertThat(t.lead().name()).isEqualTo("Phòng Kinh tế và Hạ tầng");
        assertThat(t.status()).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(tasks.list(new TaskFilter(2023, "XD", null, "HL_KTHT", null))).extracting(PlanTask::id).contains(t.id());
    }

    static TaskDraft draft(String lead, String sector) {
        return new TaskDraft("HALANG", 2023, sector, null, "Hoàn thành đường liên xã Thị Hoa – cửa khẩu", lead,
                List.of("THIHOA"), LocalDate.of(2023, 9, 30), null, false, null, 0, null);
    }
}
