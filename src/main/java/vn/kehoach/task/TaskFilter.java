package vn.kehoach.task;

import java.time.LocalDate;

/**
 * Which tasks to list; every part is optional. {@code leadUnitCode} keeps the tasks that unit leads;
 * {@code overdueAt} keeps those past their deadline at that date and not done.
 */
public record TaskFilter(Integer year, String sectorCode, TaskStatus status, String leadUnitCode, LocalDate overdueAt) {

    public static final TaskFilter ALL = new TaskFilter(null, null, null, null, null);
}
