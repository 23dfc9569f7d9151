package vn.kehoach.task;

/** An org unit as a task names it: its code and name. */
public record UnitRef(String code, String name) {
}
