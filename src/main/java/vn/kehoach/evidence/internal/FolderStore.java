package vn.kehoach.evidence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Evidence files kept in a folder (kehoach.evidence.folder) rather than in the database: each under its SHA-256,
 * in a sub-folder of its first two hex digits ({@code ab/abcdef…}), so the same file uploaded twice is kept once and
 * a name can never climb out of the folder. Written to a temporary name and moved into place, so a crash leaves no
 * half file under a real name.
 */
public final class FolderStore {

    private final Path root;

    public FolderStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("mã SHA-256 không hợp lệ: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public void write(String sha256, byte[] content) {
        Path target = path(sha256);
        try {
            if (Files.exists(target) && Files.size(target) == content.length) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), sha256, ".part");
            Files.write(part, content);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được tệp minh chứng vào " + root + ": " + e.getMessage(), e);
        }
    }

    public byte[] read(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được tệp minh chứng " + path(sha256) + ": " + e.getMessage(), e);
        }
    }

    public void delete(String sha256) {
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Không xóa được tệp minh chứng " + path(sha256) + ": " + e.getMessage(), e);
        }
    }
}
