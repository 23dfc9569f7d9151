package vn.kehoach.publication;

/** A published file's bytes, exactly those whose SHA-256 the publication shows. */
public record PublishedFile(Publication publication, byte[] content) {
}
