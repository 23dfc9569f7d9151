package vn.kehoach.narrative;

/** A figure the checker recomputed, right or wrong: kept so a reader sees what was checked, not only what failed. */
public record CheckedClaim(Finding.Kind kind, String stated, String computed, boolean matches, String sentence) {
}
