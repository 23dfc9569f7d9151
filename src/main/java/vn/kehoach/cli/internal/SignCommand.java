package vn.kehoach.cli.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.kehoach.signing.PdfSigner;
import vn.kehoach.signing.SignatureDetails;
import vn.kehoach.signing.SigningKey;

/** {@code kehoach sign}: signs a PDF (PAdES) with a key from a PKCS#12 file; needs no database. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Ký số tệp PDF (PAdES-B-B, SHA-256; PAdES-B-T với --tsa) bằng khóa trong tệp PKCS#12 "
                + "(.p12/.pfx) hoặc USB token (--pkcs11), thêm ô chữ ký ở trang người ký. Không cần cơ sở dữ liệu.",
                "Mật khẩu tệp khóa: hỏi trên bàn phím, hoặc đọc từ dòng đầu của đầu vào chuẩn với --password-stdin."})
class SignCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "PDF", description = "Tệp PDF cần ký.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PDF", description = "Tệp PDF đã ký (ghi mới).")
    Path out;

    @Option(names = "--keystore", paramLabel = "KEY.p12", description = "Tệp khóa PKCS#12 (.p12/.pfx).")
    Path keystore;

    @Option(names = "--pkcs11", paramLabel = "TOKEN.cfg", description = "Thay cho --keystore: tệp cấu hình SunPKCS11 "
            + "của USB token (thư viện PKCS#11 của nhà cung cấp); mật khẩu là mã PIN của token (docs/signing.md).")
    Path pkcs11;

    @Option(names = "--alias", paramLabel = "A", description = "Tên khóa trong tệp khóa (khi tệp có nhiều khóa).")
    String alias;

    @Option(names = "--password-stdin", description = "Đọc mật khẩu tệp khóa từ dòng đầu của đầu vào chuẩn.")
    boolean passwordStdin;

    @Option(names = "--reason", paramLabel = "LÝ DO", description = "Lý do ký, ví dụ \"Phê duyệt kế hoạch\".")
    String reason;

    @Option(names = "--location", paramLabel = "NƠI KÝ", description = "Nơi ký, ví dụ \"Cao Bằng\".")
    String location;

    @Option(names = "--tsa", paramLabel = "URL", description = "Máy chủ dấu thời gian RFC 3161 (tùy chọn), "
            + "ví dụ http://timestamp.digicert.com. Máy chủ không trả lời hoặc từ chối: mã thoát 1, không ghi tệp.")
    String tsa;

    @Override
    public Integer call() throws Exception {
        URI tsaUri = null;
        if (tsa != null) {
            try {
                tsaUri = new URI(tsa);
            } catch (URISyntaxException e) {
                throw new KeHoachCommand.UserError("--tsa không phải địa chỉ URL: " + tsa);
            }
            if (!"http".equals(tsaUri.getScheme()) && !"https".equals(tsaUri.getScheme())) {
                throw new KeHoachCommand.UserError("--tsa phải là địa chỉ http:// hoặc https://: " + tsa);
            }
        }
        if ((keystore == null) == (pkcs11 == null)) {
            throw new KeHoachCommand.UserError("cần đúng một trong --keystore (tệp .p12) và --pkcs11 (token)");
        }
        char[] password = password(passwordStdin);
        try {
            SigningKey key = keystore != null ? SigningKey.fromPkcs12(keystore, password, alias)
                    : SigningKey.fromPkcs11(pkcs11, password, alias);
            PdfSigner.sign(in, out, key, new SignatureDetails(reason, location, tsaUri));
            PrintStream o = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            o.println("Đã ký " + out + " (người ký: " + key.signerName()
                    + (tsaUri == null ? "" : ", có dấu thời gian") + ").");
            o.flush();
        } finally {
            Arrays.fill(password, '\0');
        }
        return 0;
    }

    /** The key store's password: the first line of standard input, or asked once on the console without echo. */
    static char[] password(boolean fromStdin) throws Exception {
        if (!fromStdin) {
            Console console = System.console();
            if (console == null) {
                throw new KeHoachCommand.UserError("không có bàn phím để hỏi mật khẩu tệp khóa; dùng --password-stdin");
            }
            char[] typed = console.readPassword("Mật khẩu tệp khóa (hoặc mã PIN của token): ");
            if (typed == null) {
                throw new KeHoachCommand.UserError("chưa nhập mật khẩu tệp khóa");
            }
            return typed;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new KeHoachCommand.UserError("đầu vào chuẩn trống: không có mật khẩu tệp khóa (--password-stdin)");
        }
        return line.toCharArray();
    }
}
