package vn.kehoach.entry;

/**
 * What saving one cell did: the form as it now stands, and either the saved value in Vietnamese form or the error
 * to show next to the cell (not a number, a conflict with someone else's save, a locked form).
 */
public record CellSave(String elementCode, String error, EntryForm form) {

    public boolean saved() {
        return error == null;
    }

    public EntryRow row() {
        return form.rows().stream().filter(r -> r.elementCode().equals(elementCode)).findFirst().orElseThrow();
    }
}
