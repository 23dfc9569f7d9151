package vn.kehoach.exchange;

import java.util.List;

/** The outcome of every part of an import, in the order they were applied. */
public record ImportResult(List<ImportOutcome> parts, boolean preview) {

    public ImportResult {
        parts = List.copyOf(parts);
    }

    /** True when no part has an error. */
    public boolean ok() {
        return parts.stream().allMatch(ImportOutcome::ok);
    }

    public List<ImportError> errors() {
        return parts.stream().flatMap(p -> p.errors().stream()).toList();
    }

    public int changeCount() {
        return parts.stream().mapToInt(p -> p.changes().size()).sum();
    }

    public long storedParts() {
        return parts.stream().filter(ImportOutcome::stored).count();
    }
}
