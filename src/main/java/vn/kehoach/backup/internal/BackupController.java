package vn.kehoach.backup.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.kehoach.backup.Backups;

/** {@code GET /api/v1/backup}: the whole database as a backup zip, for an administrator of a root unit. */
@RestController
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @Operation(summary = "Tải bản sao lưu toàn bộ dữ liệu (zip, như 'kehoach backup'); chỉ quản trị viên của đơn vị cấp cao nhất")
    @GetMapping("/api/v1/backup")
    void backup(HttpServletResponse response) throws IOException {
        // Checked before the first byte, so a refusal is still a 403 with its message rather than a broken download.
        backups.checkMayBackUp();
        String name = "kehoach-" + java.time.ZonedDateTime.now(vn.kehoach.format.Numbers.VIETNAM).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip";
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        // Written on the request's own thread, where the signed-in user is known.
        try (OutputStream out = response.getOutputStream()) {
            backups.backup(out);
        }
    }
}
