package vn.kehoach.publication;

import java.time.Instant;

/**
 * One published file of a unit's year: what, when (instant; printed in Vietnam time), by whom, its SHA-256 and, for
 * a signed plan, who signed. Withdrawn ones ({@code withdrawnAt} set) are kept for the record and never shown.
 */
public record Publication(long id, String unitCode, String unitName, int year, PublicationKind kind, String title,
                          String fileName, String contentType, long size, String sha256, String signer,
                          Instant publishedAt, String publishedBy, Instant withdrawnAt, String withdrawnBy) {

    public boolean active() {
        return withdrawnAt == null;
    }
}
