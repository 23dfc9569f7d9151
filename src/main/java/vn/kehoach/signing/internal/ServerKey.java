package vn.kehoach.signing.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.kehoach.signing.PdfVerifier;
import vn.kehoach.signing.SigningException;
import vn.kehoach.signing.SigningKey;

/**
 * The signing set-up of a server, from its properties: a key kept on the server (a PKCS#12 file,
 * {@code kehoach.signing.keystore}, or a token, {@code kehoach.signing.pkcs11-config}; {@code kehoach.signing.alias};
 * the password or PIN in {@code kehoach.signing.password} or, better, the first line of
 * {@code kehoach.signing.password-file}), the RFC 3161 server to time-stamp with ({@code kehoach.signing.tsa-url}) and
 * the roots the verify page trusts ({@code kehoach.signing.trust}, PEM or DER files, comma-separated). All optional.
 */
@Component
public class ServerKey {

    private final String keystore;
    private final String pkcs11Config;
    private final String alias;
    private final String password;
    private final String passwordFile;
    private final URI tsa;
    private final List<X509Certificate> trusted;
    /** A token's key is opened once: its provider stays installed and its session open for the server's life. */
    private SigningKey token;

    public ServerKey(@Value("${kehoach.signing.keystore:}") String keystore,
                     @Value("${kehoach.signing.pkcs11-config:}") String pkcs11Config,
                     @Value("${kehoach.signing.alias:}") String alias,
                     @Value("${kehoach.signing.password:}") String password,
                     @Value("${kehoach.signing.password-file:}") String passwordFile,
                     @Value("${kehoach.signing.tsa-url:}") String tsaUrl,
                     @Value("${kehoach.signing.trust:}") String trust) {
        this.keystore = keystore.isBlank() ? null : keystore.strip();
        this.pkcs11Config = pkcs11Config.isBlank() ? null : pkcs11Config.strip();
        this.alias = alias.isBlank() ? null : alias.strip();
        this.password = password.isEmpty() ? null : password;
        this.passwordFile = passwordFile.isBlank() ? null : passwordFile.strip();
        this.tsa = tsaUrl.isBlank() ? null : tsa(tsaUrl.strip());
        List<X509Certificate> roots = new ArrayList<>();
        for (String file : trust.split(",")) {
            if (!file.isBlank()) {
                try {
                    roots.addAll(PdfVerifier.certificates(Path.of(file.strip())));
                } catch (SigningException e) {
                    throw new IllegalStateException("kehoach.signing.trust: " + e.getMessage(), e);
                }
            }
        }
        this.trusted = List.copyOf(roots);
    }

    private static URI tsa(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("kehoach.signing.tsa-url phải là địa chỉ http:// hoặc https://: " + url);
        }
        return uri;
    }

    /** Whether a key is kept on the server for signers to use instead of uploading their own. */
    public boolean configured() {
        return keystore != null || pkcs11Config != null;
    }

    /** The time-stamping server to ask for every signature, or null. */
    public URI tsa() {
        return tsa;
    }

    /** The roots the server trusts when it verifies (empty when none is configured). */
    public List<X509Certificate> trusted() {
        return trusted;
    }

    /** The server's key, read now (a PKCS#12 file) or opened once (a token); refused when none is configured. */
    public synchronized SigningKey key() {
        if (!configured()) {
            throw new SigningException("máy chủ chưa có khóa ký (kehoach.signing.keystore hoặc "
                    + "kehoach.signing.pkcs11-config): hãy tải lên tệp khóa .p12").at("key");
        }
        if (token != null) {
            return token;
        }
        char[] secret = secret();
        try {
            if (pkcs11Config != null) {
                token = SigningKey.fromPkcs11(Path.of(pkcs11Config), secret, alias);
                return token;
            }
            return SigningKey.fromPkcs12(Path.of(keystore), secret, alias);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private char[] secret() {
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(Path.of(passwordFile), StandardCharsets.UTF_8);
                return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
            } catch (IOException e) {
                throw new SigningException("không đọc được kehoach.signing.password-file " + passwordFile, e);
            }
        }
        return password == null ? new char[0] : password.toCharArray();
    }
}
