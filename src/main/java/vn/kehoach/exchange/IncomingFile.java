package vn.kehoach.exchange;

/** A file handed to an import: its name (for messages and to know its format) and its bytes. */
public record IncomingFile(String name, byte[] bytes) {

    public IncomingFile {
        if (name == null || name.isBlank()) {
            name = "tệp không tên";
        }
        if (bytes == null) {
            bytes = new byte[0];
        }
    }

    public long size() {
        return bytes.length;
    }
}
