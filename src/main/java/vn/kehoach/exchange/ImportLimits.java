package vn.kehoach.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.kehoach.format.Numbers;

/**
 * How big an import may be. One upload or file is at most 20 MB, the web's multipart limit
 * ({@code spring.servlet.multipart.max-file-size}); a zip may hold at most 2,000 files and unpack to at most
 * 200 MB, so a small zip cannot expand into gigabytes.
 */
public final class ImportLimits {

    /** The largest file (or upload) an import takes. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** The most files a zip may hold. */
    public static final int MAX_ZIP_ENTRIES = 2000;
    /** The most bytes a zip may unpack to, all files together. */
    public static final long MAX_UNZIPPED_BYTES = 200L * 1024 * 1024;

    private ImportLimits() {
    }

    /** "50 MB", "1,5 MB": a size as a person reads it. */
    public static String megabytes(long bytes) {
        BigDecimal mb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP);
        return Numbers.vi().format(mb) + " MB";
    }

    /** The message for a file over the limit, naming it and its size. */
    public static String tooLarge(String name, long bytes, long limit) {
        return "tệp '" + name + "' nặng " + megabytes(bytes) + ", quá giới hạn " + megabytes(limit)
                + " của một lần nhập; hãy chia nhỏ (ví dụ mỗi xã một tệp, hoặc từng kỳ)";
    }
}
