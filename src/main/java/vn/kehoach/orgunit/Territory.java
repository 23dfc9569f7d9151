package vn.kehoach.orgunit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a unit's present territory was made of before reorganisations: beside its own subtree, the subtrees of
 * former units outside it (the three communes merged into it, the share of a split commune), each with the part
 * of its figures that belongs here. Figures of earlier periods are computed on this territory, so that "so với
 * cùng kỳ" compares like with like.
 *
 * @param parts the former units outside the unit's subtree, each once
 */
public record Territory(OrgUnit unit, List<Part> parts) {

    /** True when the unit's territory is its own subtree and nothing more. */
    public boolean plain() {
        return parts.isEmpty();
    }

    /**
     * A former unit whose subtree went into the territory.
     *
     * @param whole         true when all of it went here (a merge)
     * @param share         the share for every element of a split; null when none was given
     * @param elementShares shares for single elements, before {@code share}
     * @param changedOn     the date of the reorganisation that made it part of the territory
     * @param because       the reorganisation, as it is named in a note: "sáp nhập 01/07/2025 (Nghị quyết …)"
     */
    public record Part(OrgUnit unit, boolean whole, BigDecimal share, Map<String, BigDecimal> elementShares,
                       LocalDate changedOn, String because) {

        /** The part of the element's figures that belongs to the territory; empty when a split gave no share. */
        public Optional<BigDecimal> shareOf(String elementCode) {
            if (whole) {
                return Optional.of(BigDecimal.ONE);
            }
            BigDecimal s = elementShares.get(elementCode);
            return Optional.ofNullable(s != null ? s : share);
        }
    }
}
