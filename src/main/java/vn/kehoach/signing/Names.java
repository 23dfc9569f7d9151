package vn.kehoach.signing;

import java.security.cert.X509Certificate;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The common name (CN) of a certificate's subject: the person or office shown as the signer. */
final class Names {

    private Names() {
    }

    static String commonName(X509Certificate cert) {
        return commonName(cert.getSubjectX500Principal());
    }

    static String commonName(X500Principal principal) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
