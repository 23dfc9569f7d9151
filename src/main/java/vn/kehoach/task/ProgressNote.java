package vn.kehoach.task;

import java.time.Instant;
import java.time.LocalDate;

/** A dated progress note on a task (báo cáo tiến độ), with the status it reported and who wrote it. */
public record ProgressNote(long id, long taskId, LocalDate notedOn, String content, TaskStatus status, String author,
                           Instant createdAt) {
}
