package vn.kehoach.exchange;

/**
 * One change an import makes (or, in a preview, would make): what it touches and its old and new value, as a
 * person reads them (Vietnamese numbers; "—" where there was nothing).
 *
 * @param place   where the new value is in the file ("xa-minhlong.xlsx, trang tính 'Biểu nhập', ô I12")
 * @param what    the kind of row ("số liệu", "chỉ tiêu kế hoạch", "chỉ tiêu thu thập"…)
 * @param subject what the row is about ("Tổng đàn trâu (BUFFALO_HERD) — Xã Minh Long — 2021S1, thực hiện")
 */
public record Change(String place, String what, String subject, String oldValue, String newValue) {
}
