package vn.kehoach.period;

/** A period id that cannot be read; the message, in Vietnamese, names the id and what is wrong. */
public class InvalidPeriodException extends IllegalArgumentException {

    private final String id;

    public InvalidPeriodException(String id, String reason) {
        super("Kỳ '" + id + "' không hợp lệ: " + reason);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
