package vn.kehoach.publication;

/** How the published plan PDF is signed. */
public enum PlanSigning {
    /** Not signed: the PDF as the document module writes it. */
    NONE,
    /** Signed on the server with the key configured by {@code kehoach.signing.keystore}. */
    SERVER_KEY,
    /** Signed outside (a CA's USB token) and uploaded; verified before it is accepted. */
    UPLOADED
}
