/**
 * Digital signatures of the PDFs KeHoach writes (chữ ký số PAdES): {@link vn.kehoach.signing.PdfSigner} signs a PDF
 * with a key from a PKCS#12 file or any Java key store (a CA's USB token through SunPKCS11), as PAdES-B-B —
 * a detached CAdES signature with the signing-certificate-v2 attribute, SHA-256 — with a visible signature block on
 * the last page and, when a time-stamping server is given, an RFC 3161 time-stamp;
 * {@link vn.kehoach.signing.PdfVerifier} says who signed, when, whether the file changed after signing and whether the
 * certificate chains to a root the reader trusts — both plain Java with PDFBox and BouncyCastle, no database, used by
 * the command line too. {@link vn.kehoach.signing.DocumentSigning} signs on the server: a unit's plan (written by the
 * document module) or an uploaded PDF, with an uploaded PKCS#12 key or the server's, for those allowed to sign for
 * the unit, audited; the pages {@code /ky-so} and {@code /ky-so/kiem-tra} and {@code /api/v1/signing/*} offer it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"problem", "document", "orgunit", "access", "audit", "security", "format"})
package vn.kehoach.signing;
