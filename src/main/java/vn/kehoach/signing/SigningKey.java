package vn.kehoach.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A private key and its certificate chain (signer first), as a key store holds them. A PKCS#12 file is read by
 * {@link #fromPkcs12}; a USB token is a {@link KeyStore} of type PKCS11 given to {@link #fromKeyStore}.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        if (chain == null || chain.isEmpty()) {
            throw new SigningException("khóa ký không có chứng thư số");
        }
        chain = List.copyOf(chain);
    }

    /** The signer's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signer's name as shown and printed: the certificate's common name (CN). */
    public String signerName() {
        return Names.commonName(certificate());
    }

    /** Reads a PKCS#12 file (.p12/.pfx); {@code alias} may be null when the file holds one key. */
    public static SigningKey fromPkcs12(Path file, char[] password, String alias) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new SigningException("không tìm thấy tệp khóa --keystore " + file);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new SigningException("sai mật khẩu của tệp khóa --keystore " + file, e);
            }
            throw new SigningException("tệp --keystore " + file + " không phải tệp PKCS#12 (.p12/.pfx) đọc được", e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("không đọc được tệp khóa --keystore " + file + ": " + e.getMessage(), e);
        }
        return fromKeyStore(store, password, alias);
    }

    /**
     * Reads a PKCS#12 file sent with a form or an API call, named {@code name} in messages; the key lives only as
     * long as the caller keeps it. A wrong password or a file that is not PKCS#12 is refused naming the request field
     * ({@code keystore} or {@code password}).
     */
    public static SigningKey fromPkcs12(byte[] p12, char[] password, String alias, String name) {
        if (p12 == null || p12.length == 0) {
            throw new SigningException("chưa chọn tệp khóa PKCS#12 (.p12/.pfx)").at("keystore");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new java.io.ByteArrayInputStream(p12), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new SigningException("sai mật khẩu của tệp khóa " + name, e).at("password");
            }
            throw new SigningException("tệp khóa " + name + " không phải tệp PKCS#12 (.p12/.pfx) đọc được", e)
                    .at("keystore");
        } catch (GeneralSecurityException e) {
            throw new SigningException("không đọc được tệp khóa " + name + ": " + e.getMessage(), e).at("keystore");
        }
        try {
            return fromKeyStore(store, password, alias);
        } catch (SigningException e) {
            throw e.at(e.getMessage().contains("mật khẩu") ? "password" : "alias");
        }
    }

    /**
     * Opens a USB token or smart card through the JDK's SunPKCS11 provider, configured by {@code config} (the path of
     * the vendor's PKCS#11 library and the slot: see docs/signing.md), with the token's PIN. The provider is installed
     * so that signing with the token's key (which never leaves the token) finds it. Tested with a SoftHSM2
     * software token (Pkcs11TokenTest); no CA's USB token on the build machine.
     */
    public static SigningKey fromPkcs11(Path config, char[] pin, String alias) {
        if (!Files.isRegularFile(config)) {
            throw new SigningException("không tìm thấy tệp cấu hình --pkcs11 " + config);
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new SigningException("bản Java này không có SunPKCS11: không dùng được token (--pkcs11)");
        }
        Provider token;
        try {
            token = base.configure(config.toString());
        } catch (RuntimeException e) {
            throw new SigningException("không nạp được token theo tệp cấu hình --pkcs11 " + config + ": " + e.getMessage(), e);
        }
        Security.addProvider(token);
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", token);
            store.load(null, pin);
            return fromKeyStore(store, pin, alias);
        } catch (IOException e) {
            throw new SigningException("sai mã PIN của token hoặc token bị khóa (--pkcs11 " + config + ")", e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("không mở được token (--pkcs11 " + config + "): " + e.getMessage(), e);
        }
    }

    /** Takes the key {@code alias} (or the only key) of a loaded key store: a PKCS#12 file or a PKCS#11 token. */
    public static SigningKey fromKeyStore(KeyStore store, char[] password, String alias) {
        try {
            String chosen = alias;
            if (chosen == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new SigningException(keys.isEmpty() ? "kho khóa không có khóa ký nào"
                            : "kho khóa có " + keys.size() + " khóa (" + String.join(", ", keys) + "): chọn một bằng --alias");
                }
                chosen = keys.get(0);
            } else if (!store.isKeyEntry(chosen)) {
                throw new SigningException("kho khóa không có khóa --alias " + chosen + " (có: "
                        + String.join(", ", Collections.list(store.aliases())) + ")");
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password);
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certs = store.getCertificateChain(chosen);
            if (certs != null) {
                for (Certificate c : certs) {
                    chain.add((X509Certificate) c);
                }
            }
            return new SigningKey(key, chain);
        } catch (UnrecoverableKeyException e) {
            throw new SigningException("sai mật khẩu của khóa " + alias + " trong --keystore", e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("không lấy được khóa ký từ kho khóa: " + e.getMessage(), e);
        }
    }
}
