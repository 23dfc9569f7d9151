package vn.kehoach.evidence;

import java.time.Instant;

/**
 * A stored evidence file (tệp minh chứng): what it belongs to, its name as uploaded, the content type detected from
 * its bytes, its size and SHA-256, who uploaded it, when, and their comment.
 */
public record Attachment(long id, EvidenceTarget target, String fileName, String contentType, long size,
                         String sha256, String comment, String uploadedBy, Instant uploadedAt) {

    /** "1,2 MB", "350 KB": the size as a list shows it. */
    public String sizeLabel() {
        return Sizes.label(size);
    }
}
