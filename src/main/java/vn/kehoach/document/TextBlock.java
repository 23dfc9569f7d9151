package vn.kehoach.document;

import java.time.Instant;

/**
 * A free-text block of a plan document (bối cảnh, đánh giá, nguyên nhân, mục tiêu tổng quát, nhiệm vụ…) that the
 * planner writes; the outline says where it goes. Each line is a paragraph; {@code ^[text]} makes a footnote.
 *
 * @param version   0 while nothing is stored
 * @param draftFrom the year of the unit's earlier document whose text {@code body} carries forward as a draft, while
 *                  nothing is stored for this year (null otherwise): shown as a draft, stored only when saved
 */
public record TextBlock(String key, String title, String section, String body, int version, String updatedBy,
                        Instant updatedAt, Integer draftFrom) {

    public TextBlock(String key, String title, String section, String body, int version, String updatedBy,
                     Instant updatedAt) {
        this(key, title, section, body, version, updatedBy, updatedAt, null);
    }
}
