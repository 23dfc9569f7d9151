package vn.kehoach.web;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.kehoach.audit.Area;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Labels;
import vn.kehoach.orgunit.ChangeKind;

/**
 * The audit page's "Loại" and "Thao tác" cells in the reader's language ({@code ${@auditWords.area(r.area)}}): the
 * trails keep them as Vietnamese words ("Số liệu ước thực hiện", "Sửa", "Giao vốn"); the known ones are translated at
 * display through the {@code english} bundle, the stored data stays as it is. An unknown word shows as stored.
 */
@Component("auditWords")
public class AuditWords {

    /** The actions the trails store, in Vietnamese, and their keys (english.action.*). */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("sửa", "edit"), Map.entry("xóa", "delete"), Map.entry("nhập mới", "enter"),
            Map.entry("giao mới", "set"), Map.entry("tạo mới", "create"), Map.entry("thông qua", "adopt"),
            Map.entry("điều chỉnh", "adjust"), Map.entry("duyệt", "approve"), Map.entry("gửi duyệt", "submit"),
            Map.entry("trả lại", "return"), Map.entry("mở lại", "reopen"), Map.entry("rút lại", "withdraw"),
            Map.entry("tạo dự án", "createProject"), Map.entry("sửa dự án", "editProject"),
            Map.entry("giao vốn", "allocate"), Map.entry("giải ngân", "disburse"),
            Map.entry("hủy giải ngân", "cancelDisbursement"), Map.entry("tạo người dùng", "createUser"),
            Map.entry("đổi vai trò, đơn vị", "changeRoles"), Map.entry("đổi mật khẩu", "changePassword"),
            Map.entry("mở tài khoản", "enableAccount"), Map.entry("khóa tài khoản", "disableAccount"),
            Map.entry("mở khóa đăng nhập", "unlock"), Map.entry("khóa tạm thời", "lock"),
            Map.entry("cấp token", "token"), Map.entry("thu hồi token", "revokeToken"),
            Map.entry("công bố công khai", "publish"), Map.entry("thu hồi công khai", "unpublish"),
            Map.entry("ký số", "sign"), Map.entry("tải lên", "upload"), Map.entry("lưu", "save"),
            Map.entry("bỏ thiết lập riêng", "dropSettings"), Map.entry("sửa thiết lập", "editSettings"),
            Map.entry("báo cáo tiến độ", "reportProgress"), Map.entry("lập lịch xuất bảng so sánh", "schedule"),
            Map.entry("hủy lịch xuất bảng so sánh", "unschedule"),
            Map.entry("đổi cách nhận thông báo", "notifications"));
    /** "Viết đoạn văn từ bản nháp năm 2021 …": a paragraph written, maybe from an earlier year's draft. */
    private static final Pattern BLOCK = Pattern.compile("(Viết|Sửa) đoạn văn(?: từ bản nháp năm (\\d{4}))?(.*)",
            Pattern.DOTALL);

    private final Labels labels;

    AuditWords(Labels labels) {
        this.labels = labels;
    }

    private static boolean vietnamese() {
        return "vi".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** "Số liệu ước thực hiện" → "Figures (estimate)", "Dự án đầu tư" → "Investment projects". */
    public String area(String stored) {
        if (stored == null || vietnamese()) {
            return stored == null ? "" : stored;
        }
        for (Area a : Area.values()) {
            if (a.label().equals(stored)) {
                return labels.of(a);
            }
        }
        String value = Area.VALUE.label() + " ";
        if (stored.startsWith(value)) {
            String kind = stored.substring(value.length());
            for (ValueKind k : ValueKind.values()) {
                if (k.label().equals(kind)) {
                    return labels.text("english.valueArea", stored, labels.of(k));
                }
            }
        }
        return stored;
    }

    /** "Sửa" → "Edit", "Giao vốn" → "Allocate capital", "Sáp nhập" → "Merger". */
    public String action(String stored) {
        if (stored == null || vietnamese()) {
            return stored == null ? "" : stored;
        }
        String key = ACTIONS.get(stored.strip().toLowerCase(new Locale("vi")));
        if (key != null) {
            return labels.text("english.action." + key, stored);
        }
        for (ChangeKind k : ChangeKind.values()) {
            if (k.label().equalsIgnoreCase(stored.strip())) {
                String en = labels.of(k);
                return en.isEmpty() ? stored : Character.toUpperCase(en.charAt(0)) + en.substring(1);
            }
        }
        Matcher m = BLOCK.matcher(stored);
        if (m.matches()) {
            String out = labels.text("english.action." + ("Viết".equals(m.group(1)) ? "writeBlock" : "editBlock"),
                    stored);
            if (m.group(2) != null) {
                out += " " + labels.text("english.fromDraft", "từ bản nháp năm " + m.group(2), m.group(2));
            }
            return out + m.group(3);
        }
        return stored;
    }
}
