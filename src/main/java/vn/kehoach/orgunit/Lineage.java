package vn.kehoach.orgunit;

import java.math.BigDecimal;

/**
 * One line of a reorganisation's lineage: the predecessor's territory went (wholly, or by the share) into the
 * successor.
 *
 * @param elementCode the element the share is for; null for every element
 * @param share       the part of the predecessor's figures that belongs to the successor: 1 for a merge, the
 *                    agreed share for a split, null when a split gave none (its figures are not comparable)
 */
public record Lineage(String predecessor, String successor, String elementCode, BigDecimal share) {
}
