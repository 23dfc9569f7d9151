package vn.kehoach.entry;

import java.util.List;

/**
 * The history of one cell of a form, newest first, as the side panel shows it: each change with who made it, when
 * (Viet Nam time), from where, and the value and comment before and after, in Vietnamese form.
 */
public record CellHistory(String elementCode, String elementName, String measure, List<Change> changes) {

    public CellHistory {
        changes = List.copyOf(changes);
    }

    /**
     * One change: {@code action} "nhập mới", "sửa" or "xóa"; {@code oldValue}/{@code newValue} "" when there was
     * none; {@code comment} the comment after the change (or the one removed), null when neither had one.
     */
    public record Change(String when, String who, String source, String action, String oldValue, String newValue,
                         String oldComment, String newComment) {

        public boolean commentChanged() {
            return !java.util.Objects.equals(oldComment, newComment);
        }
    }
}
