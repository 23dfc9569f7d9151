package vn.kehoach.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.ActingAs;
import vn.kehoach.CommandRun;
import vn.kehoach.TestDb;
import vn.kehoach.audit.Source;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.SumCheck;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetLockedException;
import vn.kehoach.target.TargetStatus;
import vn.kehoach.target.Targets;

/**
 * The 2028 planning cycle of Cao Bằng's four post-2025 communes on the embedded H2, through the service (a commune's
 * reporter proposing) and the command line (every other step, on the same in-memory database): open → propose →
 * submit → return and resubmit → the sum check flags 6.100 head of cattle proposed against the province's 6.000 →
 * allocate 4 × 1.500 → adopt (locked) → adjust Xã Hạ Lang's 1.500 to 1.400 from 1 July 2028 → the comparison as of
 * March shows 1.500, as of August 1.400, naming the adjustment. Before it, the demo's own, illustrative cycle of 2027
 * (docs/demo-data.md): each commune's plan adopted, the sums of proposals and allocations, and a second load of the
 * demo changing nothing. The cycle of 2028 is the test's, since a unit opens one cycle a year.
 */
@SpringBootTest
class PlanningCycleOnH2Test {

    private static final String DB = TestDb.freshH2();
    private static final List<String> COMMUNES = List.of("XAHALANG", "LYQUOC25", "VINHQUY25", "QUANGLONG25");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, DB);
    }

    @Autowired
    DemoDistrict demo;
    @Autowired
    PlanningCycle cycle;
    @Autowired
    Targets targets;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    static CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = DB;
        System.arraycopy(args, 0, all, 2, args.length);
        return CommandRun.of(all);
    }

    @Test
    void theDemoHoldsTheProvincesAdoptedCycleOf2027AndLoadingItAgainChangesNothing() {
        demo.load("test");
        CommandRun status = run("plan", "status", "--unit", "CAOBANG", "--year", "2027");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("Tỉnh Cao Bằng — kế hoạch năm 2027: hạn đề xuất 15/07/2026, 2 chỉ tiêu\n");
        assertThat(status.out().lines().filter(l -> l.matches("[A-Z0-9]+ +Xã .*")).toList()).hasSize(4)
                .allMatch(l -> l.matches("[A-Z0-9]+ +Xã [^0-9]+ +đã thông qua +2 +\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d *"),
                        "each commune's plan adopted, its 2 proposals sent");
        assertThat(run("plan", "status", "--unit", "CAOBANG", "--year", "2027", "--format", "csv").out())
                .contains("\nXAHALANG,Xã Hạ Lang,ADOPTED,đã thông qua,2,", "\nLYQUOC25,Xã Lý Quốc,ADOPTED,đã thông qua,2,",
                        "\nVINHQUY25,Xã Vinh Quý,ADOPTED,đã thông qua,2,",
                        "\nQUANGLONG25,Xã Quang Long,ADOPTED,đã thông qua,2,");

        String resolution = "Nghị quyết số 52/NQ-HĐND ngày 09/12/2026 của HĐND tỉnh Cao Bằng (minh họa)";
        Consolidation c = cycle.consolidate("CAOBANG", 2027);
        assertThat(c.cycle().deadline()).hasToString("2026-07-15");
        assertThat(c.figures()).extracting(l -> l.figure().code()).containsExactly("BUFFALO_HERD", "NTM_CRITERIA");
        Consolidation.Line buffalo = c.figures().get(0);
        assertThat(buffalo.own().value()).isEqualByComparingTo("7100");
        assertThat(buffalo.own().issuer()).isEqualTo(Issuer.PROVINCE_COUNCIL);
        assertThat(buffalo.own().status()).isEqualTo(TargetStatus.ADOPTED);
        assertThat(buffalo.own().decision()).isEqualTo(resolution);
        assertThat(buffalo.own().illustrative()).isTrue();
        assertThat(buffalo.proposals().outcome()).isEqualTo(SumCheck.Outcome.MISMATCH);
        assertThat(buffalo.proposals().below()).isEqualByComparingTo("7030");
        assertThat(buffalo.proposals().difference()).isEqualByComparingTo("-70");
        assertThat(buffalo.allocations().outcome()).isEqualTo(SumCheck.Outcome.MATCH);
        assertThat(buffalo.allocations().below()).isEqualByComparingTo("7100");
        assertThat(buffalo.proposed().values()).extracting(t -> t.orgUnitCode() + " " + t.value().toPlainString() + " "
                + t.issuer() + " " + t.status() + " " + t.illustrative()).containsExactlyInAnyOrder(
                "XAHALANG 1400 COMMUNE_COUNCIL PROPOSED true", "LYQUOC25 1620 COMMUNE_COUNCIL PROPOSED true",
                "VINHQUY25 2250 COMMUNE_COUNCIL PROPOSED true", "QUANGLONG25 1760 COMMUNE_COUNCIL PROPOSED true");
        assertThat(buffalo.allocated().values()).extracting(t -> t.orgUnitCode() + " " + t.value().toPlainString()
                + " " + t.issuer() + " " + t.status() + " " + t.illustrative()).containsExactlyInAnyOrder(
                "XAHALANG 1420 PROVINCE ADOPTED true", "LYQUOC25 1640 PROVINCE ADOPTED true",
                "VINHQUY25 2270 PROVINCE ADOPTED true", "QUANGLONG25 1770 PROVINCE ADOPTED true");
        assertThat(buffalo.allocated().values()).extracting(Target::decision).containsOnly(resolution);
        Consolidation.Line criteria = c.figures().get(1);
        assertThat(criteria.own().value()).isEqualByComparingTo("67");
        assertThat(criteria.proposals().outcome()).isEqualTo(SumCheck.Outcome.MATCH);
        assertThat(criteria.proposals().below()).isEqualByComparingTo("67");
        assertThat(criteria.allocations().outcome()).isEqualTo(SumCheck.Outcome.MATCH);
        assertThat(criteria.allocated().values()).extracting(t -> t.orgUnitCode() + " " + t.value().toPlainString())
                .containsExactlyInAnyOrder("XAHALANG 19", "LYQUOC25 17", "VINHQUY25 16", "QUANGLONG25 15");
        CommandRun check = run("target", "check", "--unit", "CAOBANG", "--period", "2027", "--all");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("0 lệch, 2 khớp, 0 không kiểm được, 0 chưa phân bổ.");
        CommandRun change = run("target", "set", "--unit", "XAHALANG", "--figure", "BUFFALO_HERD", "--period", "2027",
                "--value", "1.500", "--issuer", "PROVINCE");
        assertThat(change.exit()).isEqualTo(2);
        assertThat(change.err()).contains("đã được thông qua theo " + resolution);

        String before = demoState();
        demo.load("test");
        assertThat(demoState()).as("loading the demo again").isEqualTo(before);
    }

    /** The targets of 2027, with their versions and times, the cycle's records and the audit of both. */
    private String demoState() {
        return String.join("\n", jdbc.sql("""
                select t.figure_code, u.code, t.issuer, t.amount, t.status, t.decision, t.illustrative, t.version,
                       t.updated_at
                  from target t join org_unit u on u.id = t.org_unit_id join period p on p.id = t.period_id
                 where p.iso = '2027' order by t.figure_code, u.code, t.issuer""")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getBigDecimal(4).toPlainString() + " " + rs.getString(5) + " " + rs.getString(6) + " "
                        + rs.getBoolean(7) + " " + rs.getInt(8) + " " + rs.getTimestamp(9).toInstant()).list())
                + "\n" + jdbc.sql("select state, submitted_at from plan_submission order by org_unit_id")
                .query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant()).list()
                + "\n" + jdbc.sql("select count(*) from plan_cycle").query(Long.class).single()
                + " " + jdbc.sql("select count(*) from plan_adoption").query(Long.class).single()
                + " " + jdbc.sql("select count(*) from target_version").query(Long.class).single()
                + " " + jdbc.sql("select count(*) from metadata_audit where area = 'PLAN'").query(Long.class).single()
                + " " + jdbc.sql("select count(*) from target_audit a join period p on p.id = a.period_id "
                + "where p.iso = '2027'").query(Long.class).single();
    }

    @Test
    void theWholeCycleFromGuidanceToAdjustment() {
        demo.load("test");
        users.create("thongke-xahalang", "mat-khau-dai", "Thống kê xã Hạ Lang", EnumSet.of(Role.REPORTER), "XAHALANG",
                "test");

        CommandRun open = run("plan", "open", "--unit", "CAOBANG", "--year", "2028", "--deadline", "2027-07-15",
                "--figures", "CATTLE_HERD,BUFFALO_HERD", "--estimate");
        assertThat(open.exit()).as(open.err()).isZero();
        assertThat(open.out()).isEqualTo("Đã mở chu trình kế hoạch năm 2028 của Tỉnh Cao Bằng: hạn đề xuất 15/07/2027, "
                + "2 chỉ tiêu (CATTLE_HERD, BUFFALO_HERD), kèm ước thực hiện năm 2027\n");
        CommandRun notYet = run("plan", "status", "--unit", "CAOBANG", "--year", "2028", "--format", "csv");
        assertThat(notYet.out()).contains("XAHALANG,Xã Hạ Lang,PROPOSING,đang đề xuất,0,,,0,\n");

        CommandRun draft = run("target", "set", "--unit", "CAOBANG", "--figure", "CATTLE_HERD", "--period", "2028",
                "--value", "6.000", "--status", "DRAFT");
        assertThat(draft.out()).as(draft.err())
                .isEqualTo("Đã giao CATTLE_HERD — Tỉnh Cao Bằng — 2028: ≥ 6.000 con (HĐND tỉnh giao, dự thảo)\n");

        // The commune's reporter proposes its own figures, and nothing else.
        ActingAs.run(users, "thongke-xahalang", () -> {
            List<Target> proposed = cycle.propose("XAHALANG", 2028, Map.of("CATTLE_HERD", "1.600 con"),
                    Numbers.vi()::parse, "thongke-xahalang", Source.UI);
            assertThat(proposed).singleElement().satisfies(t -> {
                assertThat(t.value()).isEqualByComparingTo("1600");
                assertThat(t.status()).isEqualTo(TargetStatus.PROPOSED);
                assertThat(t.issuer()).isEqualTo(Issuer.COMMUNE_COUNCIL);
            });
            assertThatThrownBy(() -> cycle.propose("LYQUOC25", 2028, Map.of("CATTLE_HERD", "1.500"),
                    Numbers.vi()::parse, "thongke-xahalang", Source.UI)).isInstanceOf(OutOfScopeException.class)
                    .hasMessageContaining("không được sửa đề xuất chỉ tiêu kế hoạch của Xã Lý Quốc");
            Target allocation = new Target("CATTLE_HERD", "XAHALANG", Period.year(2028), Issuer.PROVINCE, null, null,
                    new java.math.BigDecimal("2000"), null, TargetStatus.DRAFT, null, null, null, false);
            assertThatThrownBy(() -> targets.save(allocation, "thongke-xahalang", Source.UI))
                    .isInstanceOf(OutOfScopeException.class).hasMessageContaining("cần vai trò");
            assertThatThrownBy(() -> cycle.propose("XAHALANG", 2028, Map.of("CATTLE_HERD", "mười"),
                    Numbers.vi()::parse, "thongke-xahalang", Source.UI))
                    .hasMessage("Ô CATTLE_HERD của Xã Hạ Lang: 'mười' — 'mười' không phải là số (value)");
            cycle.submit("XAHALANG", 2028, "thongke-xahalang", Source.UI);
            assertThatThrownBy(() -> cycle.propose("XAHALANG", 2028, Map.of("CATTLE_HERD", "1.700"),
                    Numbers.vi()::parse, "thongke-xahalang", Source.UI)).isInstanceOf(TargetLockedException.class)
                    .hasMessageStartingWith("Xã Hạ Lang đã gửi đề xuất kế hoạch năm 2028 lúc ");
        });
        Map<String, String> proposals = new LinkedHashMap<>(Map.of("LYQUOC25", "1.500", "VINHQUY25", "1.400",
                "QUANGLONG25", "1.700"));
        proposals.forEach((unit, value) -> {
            CommandRun p = run("plan", "propose", "--unit", unit, "--year", "2028", "--value", "CATTLE_HERD=" + value);
            assertThat(p.exit()).as(p.err()).isZero();
            CommandRun s = run("plan", "submit", "--unit", unit, "--year", "2028");
            assertThat(s.exit()).as(s.err()).isZero();
        });
        CommandRun locked = run("plan", "propose", "--unit", "VINHQUY25", "--year", "2028", "--value", "CATTLE_HERD=1.300");
        assertThat(locked.exit()).isEqualTo(2);
        assertThat(locked.err()).contains("Xã Vinh Quý đã gửi đề xuất kế hoạch năm 2028",
                "đơn vị cấp trên phải trả lại (kehoach plan return) trước");
        CommandRun returned = run("plan", "return", "--unit", "VINHQUY25", "--year", "2028", "--reason",
                "Đàn bò đề xuất thấp hơn năm 2027");
        assertThat(returned.out()).as(returned.err()).isEqualTo(
                "Đã trả lại đề xuất kế hoạch năm 2028 của Xã Vinh Quý: Đàn bò đề xuất thấp hơn năm 2027\n");
        assertThat(run("plan", "propose", "--unit", "VINHQUY25", "--year", "2028", "--value", "CATTLE_HERD=1.300")
                .exit()).isZero();
        assertThat(run("plan", "submit", "--unit", "VINHQUY25", "--year", "2028").exit()).isZero();

        // The sum check: 1.600 + 1.500 + 1.300 + 1.700 = 6.100 proposed against the province's 6.000.
        Consolidation c = cycle.consolidate("CAOBANG", 2028);
        Consolidation.Line cattle = c.figures().get(0);
        assertThat(cattle.figure().code()).isEqualTo("CATTLE_HERD");
        assertThat(cattle.own().value()).isEqualByComparingTo("6000");
        assertThat(cattle.proposals().outcome()).isEqualTo(SumCheck.Outcome.MISMATCH);
        assertThat(cattle.proposals().target()).isEqualByComparingTo("6000");
        assertThat(cattle.proposals().below()).isEqualByComparingTo("6100");
        assertThat(cattle.proposals().difference()).isEqualByComparingTo("100");
        assertThat(cattle.allocations().outcome()).isEqualTo(SumCheck.Outcome.NOT_ALLOCATED);
        CommandRun check = run("target", "check", "--unit", "CAOBANG", "--period", "2028");
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out().lines().filter(l -> l.startsWith("CATTLE_HERD")).findFirst().orElseThrow())
                .matches("CATTLE_HERD +Tổng đàn bò +HĐND tỉnh +6\\.000 +6\\.100 +\\+100 +con +lệch *");
        CommandRun submitted = run("plan", "status", "--unit", "CAOBANG", "--year", "2028");
        assertThat(submitted.out()).contains("Tỉnh Cao Bằng — kế hoạch năm 2028: hạn đề xuất 15/07/2027, 2 chỉ tiêu\n");
        assertThat(submitted.out().lines().filter(l -> l.startsWith("VINHQUY25")).findFirst().orElseThrow())
                .matches("VINHQUY25 +Xã Vinh Quý +đã gửi đề xuất +1 +\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d *");

        // Allocation: 4 × 1.500 = 6.000, as the province's own target.
        for (String unit : COMMUNES) {
            CommandRun a = run("plan", "allocate", "--unit", unit, "--figure", "CATTLE_HERD", "--year", "2028",
                    "--value", "1.500");
            assertThat(a.out()).as(a.err()).isEqualTo("Đã giao CATTLE_HERD — " + unit
                    + " — 2028: ≥ 1.500 (UBND tỉnh giao, dự thảo)\n");
        }
        Consolidation allocated = cycle.consolidate("CAOBANG", 2028);
        assertThat(allocated.figures().get(0).allocations().outcome()).isEqualTo(SumCheck.Outcome.MATCH);
        assertThat(allocated.figures().get(0).allocations().below()).isEqualByComparingTo("6000");
        assertThat(allocated.figures().get(0).proposals().below()).isEqualByComparingTo("6100");
        assertThat(run("target", "check", "--unit", "CAOBANG", "--period", "2028").exit()).isZero();
        assertThat(run("plan", "status", "--unit", "CAOBANG", "--year", "2028", "--format", "csv").out())
                .contains("QUANGLONG25,Xã Quang Long,ALLOCATED,đã giao,1,");

        // Adoption locks the targets.
        CommandRun adopt = run("plan", "adopt", "--unit", "CAOBANG", "--year", "2028", "--resolution",
                "Nghị quyết số 45/NQ-HĐND ngày 10/12/2027", "--date", "2027-12-10", "--issuer", "HĐND tỉnh");
        assertThat(adopt.out()).as(adopt.err()).isEqualTo(
                "Đã thông qua 5 chỉ tiêu năm 2028 theo Nghị quyết số 45/NQ-HĐND ngày 10/12/2027 của HĐND tỉnh\n");
        assertThat(run("plan", "status", "--unit", "CAOBANG", "--year", "2028", "--format", "csv").out())
                .contains("XAHALANG,Xã Hạ Lang,ADOPTED,đã thông qua,1,");
        CommandRun change = run("target", "set", "--unit", "CAOBANG", "--figure", "CATTLE_HERD", "--period", "2028",
                "--value", "6.500");
        assertThat(change.exit()).isEqualTo(2);
        assertThat(change.err()).contains("Chỉ tiêu CATTLE_HERD của Tỉnh Cao Bằng kỳ 2028 (HĐND tỉnh giao) đã được "
                + "thông qua theo Nghị quyết số 45/NQ-HĐND ngày 10/12/2027 của HĐND tỉnh: không sửa, không xóa được");
        assertThat(targets.find("CATTLE_HERD", "CAOBANG", Period.year(2028), Issuer.PROVINCE_COUNCIL).orElseThrow()
                .value()).isEqualByComparingTo("6000");

        // Adjustment from 1 July 2028: the comparison reads the version in force on the day asked.
        CommandRun adjust = run("plan", "adjust", "--unit", "XAHALANG", "--figure", "CATTLE_HERD", "--year", "2028",
                "--value", "1.400", "--decision", "Quyết định số 1234/QĐ-UBND ngày 25/6/2028 của UBND tỉnh",
                "--from", "2028-07-01");
        assertThat(adjust.out()).as(adjust.err()).isEqualTo("Đã điều chỉnh CATTLE_HERD — XAHALANG — 2028: ≥ 1.400 từ "
                + "01/07/2028 (Nghị quyết số 45/NQ-HĐND ngày 10/12/2027 của HĐND tỉnh (điều chỉnh theo Quyết định số "
                + "1234/QĐ-UBND ngày 25/6/2028 của UBND tỉnh))\n");
        assertThat(provinceTargetOf(run("compare", "--unit", "XAHALANG", "--period", "2028", "--as-of", "2028-03-31",
                "--format", "csv"))).contains(",1500,PROVINCE,").contains(",Nghị quyết số 45/NQ-HĐND ngày 10/12/2027 của HĐND tỉnh,false,");
        assertThat(provinceTargetOf(run("compare", "--unit", "XAHALANG", "--period", "2028", "--as-of", "2028-08-01",
                "--format", "csv"))).contains(",1400,PROVINCE,").contains(",Nghị quyết số 45/NQ-HĐND ngày 10/12/2027 của HĐND tỉnh (điều chỉnh "
                + "theo Quyết định số 1234/QĐ-UBND ngày 25/6/2028 của UBND tỉnh),false,");
        assertThat(provinceTargetOf(run("compare", "--unit", "XAHALANG", "--period", "2028", "--format", "csv")))
                .contains(",1400,");
        assertThat(cycle.versions(orgUnits.require("XAHALANG"), "CATTLE_HERD", 2028, Issuer.PROVINCE))
                .extracting(v -> v.value().toPlainString() + " " + v.effectiveFrom())
                .containsExactly("1500 2027-12-10", "1400 2028-07-01");
        assertThat(jdbc.sql("select action from metadata_audit where area = 'PLAN' and period = '2028' order by id").query(String.class)
                .list()).containsExactly("Mở chu trình kế hoạch", "Gửi đề xuất kế hoạch", "Gửi đề xuất kế hoạch",
                "Gửi đề xuất kế hoạch", "Gửi đề xuất kế hoạch", "Trả lại đề xuất kế hoạch", "Gửi đề xuất kế hoạch",
                "Thông qua kế hoạch", "Điều chỉnh chỉ tiêu CATTLE_HERD");
    }

    private static String provinceTargetOf(CommandRun compare) {
        assertThat(compare.exit()).as(compare.err()).isZero();
        return compare.out().lines().filter(l -> l.contains("CATTLE_HERD") && l.contains(",PROVINCE,"))
                .findFirst().orElseThrow(() -> new AssertionError(compare.out()));
    }
}
