/**
 * Reading reports as text (báo cáo): finding the figures a report states ("7.380/7.427 tấn, bằng 99,4% KH",
 * "07/13 xã (…)", "1.072 liều cho 544 người … và 528 người …"), checking their arithmetic, warning about units that
 * do not fit the unit's own history, and proposing data values and targets from past reports for a planner to
 * review and import.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "orgunit", "period", "datavalue", "target", "format", "security", "audit", "access"})
package vn.kehoach.narrative;
