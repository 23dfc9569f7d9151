package vn.kehoach.orgunit;

/** A code that names no org unit. */
public class UnknownOrgUnitException extends IllegalArgumentException {

    private final String code;

    public UnknownOrgUnitException(String code) {
        super("Không có đơn vị mã '" + code + "'");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
