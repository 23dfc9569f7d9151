package vn.kehoach.catalog;

import java.util.regex.Pattern;

/** Catalog codes are upper-case identifiers, so they can stand in formulas: GRAIN_OUTPUT, RICE_AREA. */
final class Codes {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    private Codes() {
    }

    static void check(String code, String what) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("mã " + what + " '" + code
                    + "' không hợp lệ: chỉ gồm chữ in hoa không dấu, số và '_', bắt đầu bằng chữ");
        }
    }
}
