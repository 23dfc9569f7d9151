package vn.kehoach.narrative.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a report's text can be read as Vietnamese at all. A scanned PDF has no text; a PDF made with a legacy
 * font (TCVN3, VNI) or whose text layer lost the order of its diacritics reads as "B¸o c¸o", "Sa ̉n lươ ̣ng" or
 * "Baó caó": checking or extracting such text would end in a clean report on nothing. Each rule is a share that
 * correct Vietnamese never reaches (the seed, a 56 kB PDF export, has none of these signs).
 */
public final class Legibility {

    /** Fewer letters than this is no text ("Đàn trâu 7.111/7220 con, đạt 98,5% KH." has 15 and is checked). */
    static final int MIN_LETTERS = 5;
    /** Combining marks left after NFC, spacing accents (ˆ ´ ˜) and undecodable characters, per letter. */
    static final double MAX_STRAY = 0.005;
    /** Letters of the Latin-1 block that Vietnamese never uses (¸ × µ ¶ Æ …: TCVN3 read as Latin-1), per letter. */
    static final double MAX_LEGACY = 0.01;
    /** Words with two tone marks ("caó", "Báó"), per word with a diacritic: a syllable has one tone at most. */
    static final double MAX_TWO_TONES = 0.03;
    /** Letters with a diacritic (đ, ă, ơ, á …) per letter; running Vietnamese has some 30%. */
    static final double MIN_DIACRITICS = 0.08;

    private static final Set<Character> VIETNAMESE_LATIN1 = Set.of('à', 'á', 'â', 'ã', 'è', 'é', 'ê', 'ì', 'í', 'ò',
            'ó', 'ô', 'õ', 'ù', 'ú', 'ý', 'À', 'Á', 'Â', 'Ã', 'È', 'É', 'Ê', 'Ì', 'Í', 'Ò', 'Ó', 'Ô', 'Õ', 'Ù', 'Ú', 'Ý');
    /** The five tone marks; the shapes of ă â ê ô ơ ư (breve, circumflex, horn) are not tones. */
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

    /** What was measured, kept for the message and the tests. */
    public record Measure(int letters, int stray, int legacy, int diacritics, int toned, int twoTones) {

        public double strayShare() {
            return letters == 0 ? 0 : (double) stray / letters;
        }

        public double legacyShare() {
            return letters == 0 ? 0 : (double) legacy / letters;
        }

        public double diacriticShare() {
            return letters == 0 ? 0 : (double) diacritics / letters;
        }

        public double twoToneShare() {
            return toned == 0 ? 0 : (double) twoTones / toned;
        }
    }

    private Legibility() {
    }

    public static Measure measure(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        int letters = 0;
        int stray = 0;
        int legacy = 0;
        int diacritics = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int type = Character.getType(c);
            if (Character.isLetter(c)) {
                letters++;
                if (c >= 0x80) {
                    diacritics++;
                }
                if (c >= 0xA0 && c <= 0xFF && !VIETNAMESE_LATIN1.contains(c)) {
                    legacy++;
                }
            } else if (c > 0xA0 && c <= 0xBF && c != 0xAB && c != 0xBB && c != 0xB0 && c != 0xA9) {
                // ¸ ­ ¬ ® µ ¶ · ¹ ¼ ½ ¾: TCVN3's vowels read as Latin-1 symbols.
                legacy++;
            } else if (type == Character.NON_SPACING_MARK || type == Character.MODIFIER_SYMBOL
                    || type == Character.PRIVATE_USE || c == '\uFFFD'
                    || (type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                stray++;
            }
        }
        int toned = 0;
        int twoTones = 0;
        for (String word : t.split("[^\\p{L}\\p{M}]+")) {
            String d = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
            int tones = 0;
            for (int i = 0; i < d.length(); i++) {
                if (TONES.indexOf(d.charAt(i)) >= 0) {
                    tones++;
                }
            }
            if (tones > 0) {
                toned++;
            }
            if (tones > 1) {
                twoTones++;
            }
        }
        return new Measure(letters, stray, legacy, diacritics, toned, twoTones);
    }

    /** Why the text cannot be read as a Vietnamese report (in Vietnamese, for the user), or null when it can. */
    public static String problem(String text) {
        Measure m = measure(text);
        if (m.letters() < MIN_LETTERS) {
            return m.letters() == 0 ? "không có chữ nào (tệp rỗng, hoặc bản quét chỉ có ảnh: cần bản có lớp chữ)"
                    : "chỉ có " + m.letters() + " chữ cái, không phải một báo cáo";
        }
        if (m.strayShare() > MAX_STRAY) {
            return "chữ bị lỗi mã hoá: " + m.stray() + " dấu hoặc ký tự không ghép được vào chữ ("
                    + percent(m.strayShare()) + " số chữ cái; bản PDF mất thứ tự dấu hoặc dùng phông không có bảng mã)";
        }
        if (m.legacyShare() > MAX_LEGACY) {
            return "chữ có dạng bảng mã cũ TCVN3/VNI (" + m.legacy() + " ký tự như ¸ × µ, "
                    + percent(m.legacyShare()) + " số chữ cái): hãy chuyển sang Unicode rồi gửi lại";
        }
        if (m.toned() >= 20 && m.twoToneShare() > MAX_TWO_TONES) {
            return "chữ bị lỗi dấu: " + m.twoTones() + " trên " + m.toned() + " từ có dấu mang hai dấu thanh ("
                    + percent(m.twoToneShare()) + "), dấu đã lệch khỏi chữ của nó";
        }
        if (m.letters() >= 200 ? m.diacriticShare() < MIN_DIACRITICS : m.letters() >= 40 && m.diacritics() == 0) {
            return "chữ không có dấu tiếng Việt (" + percent(m.diacriticShare())
                    + " chữ cái có dấu, văn bản tiếng Việt thường khoảng 30%): số liệu không đọc được đúng tên chỉ tiêu";
        }
        return null;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100).replace('.', ',');
    }
}
