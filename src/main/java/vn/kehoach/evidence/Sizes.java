package vn.kehoach.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.kehoach.format.Numbers;

/** File sizes the Vietnamese way: "20 MB", "1,5 MB", "350 KB", "12 byte". */
final class Sizes {

    private Sizes() {
    }

    static String label(long bytes) {
        if (bytes >= 1024 * 1024) {
            return Numbers.vi().format(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1,
                    RoundingMode.HALF_UP).stripTrailingZeros()) + " MB";
        }
        if (bytes >= 1024) {
            return Numbers.vi().format(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 0,
                    RoundingMode.HALF_UP)) + " KB";
        }
        return bytes + " byte";
    }
}
