package vn.kehoach.publication.internal;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.kehoach.signing.PdfVerifier;
import vn.kehoach.signing.SigningKey;

/**
 * The server's signing key and the roots an uploaded signature must chain to, from the configuration:
 * {@code kehoach.signing.keystore} (a PKCS#12 file), {@code .alias}, {@code .password}, and
 * {@code kehoach.signing.trust} (PEM or DER files of the trusted roots, comma-separated — a Vietnamese CA's root).
 * The server key's own root is trusted too, so a plan signed on the server verifies on the public page.
 */
@Component
public class ServerSigning {

    private final String keystore;
    private final String alias;
    private final String password;
    private final String trust;

    public ServerSigning(@Value("${kehoach.signing.keystore:}") String keystore,
                         @Value("${kehoach.signing.alias:}") String alias,
                         @Value("${kehoach.signing.password:}") String password,
                         @Value("${kehoach.signing.trust:}") String trust) {
        this.keystore = keystore;
        this.alias = alias;
        this.password = password;
        this.trust = trust;
    }

    /** The configured key, or empty when the server has none. */
    public Optional<SigningKey> key() {
        if (keystore == null || keystore.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(SigningKey.fromPkcs12(Path.of(keystore.strip()), password.toCharArray(),
                alias == null || alias.isBlank() ? null : alias.strip()));
    }

    /** The roots a signature is verified against: those configured, and the root of the server's key. */
    public List<X509Certificate> trusted() {
        List<X509Certificate> roots = new ArrayList<>();
        if (trust != null && !trust.isBlank()) {
            for (String file : trust.split(",")) {
                if (!file.isBlank()) {
                    roots.addAll(PdfVerifier.certificates(Path.of(file.strip())));
                }
            }
        }
        key().ifPresent(k -> roots.add(k.chain().get(k.chain().size() - 1)));
        return roots;
    }
}
