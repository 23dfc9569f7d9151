package vn.kehoach.catalog;

/** A code that names nothing in the catalog; the message says what was looked for. */
public class UnknownCodeException extends IllegalArgumentException {

    private final String code;

    public UnknownCodeException(String what, String code) {
        super("Không có " + what + " mã '" + code + "'");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
