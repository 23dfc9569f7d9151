package vn.kehoach.backup;

/** A backup that cannot be taken or restored, with a message in Vietnamese that names the file or table at fault. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
