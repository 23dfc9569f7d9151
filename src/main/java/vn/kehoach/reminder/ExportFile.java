package vn.kehoach.reminder;

import java.time.Instant;

/** A file a scheduled export produced, kept for its owner to download. */
public record ExportFile(long id, long scheduleId, String fileName, String period, int size, Instant createdAt) {
}
