package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.kehoach.signing.PdfVerifier;
import vn.kehoach.signing.SignatureCheck;
import vn.kehoach.signing.Verification;

/** {@code kehoach verify}: checks the signatures of a PDF; exit 0 valid, 1 invalid, altered or untrusted, 2 bad input. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Kiểm tra chữ ký số của tệp PDF: người ký, thời gian ký, dấu thời gian và máy chủ cấp, tài liệu "
                + "có bị sửa sau khi ký không, chứng thư số (và chứng thư máy chủ dấu thời gian) có dẫn về chứng thư "
                + "gốc tin cậy (--trust) không.", "Không cần cơ sở dữ liệu.",
                "Mã thoát: 0 hợp lệ; 1 không hợp lệ, đã bị sửa hoặc không tin cậy; 2 tệp hoặc tùy chọn sai."})
class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "Tệp PDF đã ký.")
    Path file;

    @Option(names = "--trust", paramLabel = "CA.pem", description = "Chứng thư gốc tin cậy (PEM hoặc DER: .pem, .cer, "
            + ".crt), có thể lặp lại; ví dụ chứng thư gốc của Bộ Thông tin và Truyền thông và của CA đã cấp.")
    List<Path> trust = new ArrayList<>();

    @Override
    public Integer call() {
        List<X509Certificate> roots = new ArrayList<>();
        trust.forEach(t -> roots.addAll(PdfVerifier.certificates(t)));
        Verification v = PdfVerifier.verify(file, roots);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("Tệp: " + file);
        if (!v.signed()) {
            out.println("Tệp không có chữ ký số.");
            out.println("Kết luận: KHÔNG HỢP LỆ");
            out.flush();
            return 1;
        }
        int n = 0;
        for (SignatureCheck s : v.signatures()) {
            n++;
            out.println("Chữ ký " + n + "/" + v.signatures().size() + ": " + (s.valid() ? "HỢP LỆ" : "KHÔNG HỢP LỆ"));
            out.println("  Người ký: " + s.signer() + (s.issuer() == null ? "" : " (cấp bởi: " + s.issuer() + ")"));
            out.println("  Thời gian ký: " + (s.signingTime() == null ? "không ghi" : vn.kehoach.format.Numbers.vi().signedTime(s.signingTime())
                    + (s.timeStamped() ? " (theo dấu thời gian)" : " (theo máy của người ký)")));
            if (s.timeStampAuthority() != null) {
                out.println("  Dấu thời gian: " + (s.timeStamped() ? vn.kehoach.format.Numbers.vi().signedTime(s.signingTime()) + ", " : "")
                        + "do " + s.timeStampAuthority() + " cấp"
                        + (s.timeStampOk() ? (trust.isEmpty() ? "" : " (chứng thư máy chủ dấu thời gian tin cậy)")
                                : " — KHÔNG HỢP LỆ hoặc không tin cậy"));
            }
            if (s.reason() != null) {
                out.println("  Lý do: " + s.reason());
            }
            if (s.location() != null) {
                out.println("  Nơi ký: " + s.location());
            }
            out.println("  Định dạng: " + s.subFilter());
            out.println("  Sửa sau khi ký: " + (s.coversWholeFile() && s.intact()
                    ? "không (phạm vi ký phủ toàn bộ tệp, mã băm khớp)" : "CÓ hoặc chữ ký hỏng"));
            out.println("  Chứng thư tin cậy: " + (s.trusted() ? "có" : "không"));
            s.problems().forEach(p -> out.println("  - " + p));
        }
        out.println("Kết luận: " + (v.valid() ? "HỢP LỆ" : "KHÔNG HỢP LỆ"));
        out.flush();
        return v.valid() ? 0 : 1;
    }
}
