/**
 * Digital signatures of the PDFs KeHoach writes (chữ ký số PAdES): {@link vn.kehoach.signing.PdfSigner} signs a PDF
 * with a key from a PKCS#12 file or any Java key store (a CA's USB token through SunPKCS11), as PAdES-B-B —
 * a detached CAdES signature with the signing-certificate-v2 attribute, SHA-256 — with a visible signature block on
 * the last page and, when a time-stamping server is given, an RFC 3161 time-stamp;
 * {@link vn.kehoach.signing.PdfVerifier} says who signed, when, whether the file changed after signing and whether the
 * certificate chains to a root the reader trusts. Plain Java with PDFBox and BouncyCastle: no database, no Spring.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"problem"})
package vn.kehoach.signing;
