/**
 * Reminders and schedules (nhắc việc, lịch tự động): jobs that run once a day on one node of however many share the
 * database (db-scheduler), reminding reporters of forms due in a few days or overdue, reminding planners of the
 * planning cycle's deadline, and producing the exports planners scheduled; each reminder goes to a user once (a
 * sent-log with a unique key), in the application (the home page's "Thông báo") and by e-mail when an SMTP server
 * is configured, as the user chose on {@code /account/notifications}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"dataset", "approval", "planning", "comparison",
        "datavalue", "security", "orgunit", "period", "format", "audit", "access", "problem"})
package vn.kehoach.reminder;
