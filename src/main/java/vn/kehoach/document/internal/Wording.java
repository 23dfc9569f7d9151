package vn.kehoach.document.internal;

import java.time.LocalDate;
import java.util.Locale;

import vn.kehoach.orgunit.OrgUnitKind;

/**
 * The words a plan document uses for its own unit, which depend on the unit's level and the document's date: a
 * commune writes "toàn xã", "HĐND xã", "Đảng ủy xã" and counts its thôn, tổ dân phố; a district "toàn huyện",
 * "Huyện ủy", its xã, thị trấn; a province "toàn tỉnh", "Tỉnh ủy", its huyện, thành phố until 30/06/2025 and its
 * xã, phường from 01/07/2025 (Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ended the district level). The
 * templates see them as document variables ({@link DocumentView}), so one outline per level serves every unit of it
 * and no district wording reaches a commune's document.
 *
 * @param levelName      "xã", "phường", "thị trấn", "huyện", "thị xã", "quận", "thành phố", "tỉnh"
 * @param whole          "toàn xã", "toàn huyện", "toàn tỉnh"
 * @param committee      "UBND xã"
 * @param council        "HĐND xã"
 * @param partyCommittee "Đảng ủy xã", "Huyện ủy", "Tỉnh ủy"
 * @param subUnits       what the unit is made of: "thôn, tổ dân phố", "xã, thị trấn", "huyện, thành phố", "xã, phường"
 * @param taxOffice      the tax office collecting in the unit: "cơ quan thuế", "Chi cục Thuế", "Cục Thuế tỉnh"
 * @param planningOffice the unit's own office that compiles the plan, as a recipient reads it ("Phòng Tài chính -
 *                       Kế hoạch huyện", "Sở Kế hoạch và Đầu tư" until 28/02/2025, "Sở Tài chính" from 01/03/2025)
 */
public record Wording(Level level, String levelName, String whole, String committee, String council,
                      String partyCommittee, String subUnits, String taxOffice, String planningOffice) {

    /** The day the district level ended and provinces came to count their communes and wards directly. */
    public static final LocalDate TWO_LEVELS = LocalDate.of(2025, 7, 1);
    /**
     * The day the Ministry and the provincial departments of Planning and Investment were merged into Finance
     * (Nghị quyết 176/2025/QH15, Nghị định 45/2025/NĐ-CP): from then "Sở Tài chính" receives the plans.
     */
    public static final LocalDate PLANNING_TO_FINANCE = LocalDate.of(2025, 3, 1);

    /** The three levels that have their own shipped outline and forms ({@code document/defaults/<folder>/}). */
    public enum Level {
        PROVINCE("province"), DISTRICT("district"), COMMUNE("commune");

        private final String folder;

        Level(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }

        /**
         * The level of a kind of unit. A country writes as a province would (it has none of its own); a village and an
         * agency have no plan of their own and keep the level they report to (commune, district).
         */
        public static Level of(OrgUnitKind kind) {
            if (kind == null) {
                return DISTRICT;
            }
            return switch (kind) {
                case COUNTRY, PROVINCE -> PROVINCE;
                case COMMUNE, WARD, TOWN, VILLAGE -> COMMUNE;
                case DISTRICT, AGENCY -> DISTRICT;
            };
        }
    }

    /** The words of a unit of this kind and name ("Thành phố Cao Bằng" is a district-level city) on the day. */
    public static Wording of(OrgUnitKind kind, String unitName, LocalDate day) {
        LocalDate d = day == null ? LocalDate.now(vn.kehoach.format.Numbers.VIETNAM) : day;
        boolean twoLevels = !d.isBefore(TWO_LEVELS);
        String name = unitName == null ? "" : unitName.strip().toLowerCase(Locale.ROOT);
        Level level = Level.of(kind);
        return switch (level) {
            case PROVINCE -> {
                boolean city = name.startsWith("thành phố");
                String word = city ? "thành phố" : "tỉnh";
                String tax = d.isBefore(PLANNING_TO_FINANCE) ? "Cục Thuế " + word
                        : twoLevels ? "Thuế " + word : "Chi cục Thuế khu vực";
                yield new Wording(level, word, "toàn " + word, "UBND " + word, "HĐND " + word,
                        city ? "Thành ủy" : "Tỉnh ủy", twoLevels ? "xã, phường" : (city ? "quận, huyện, thị xã" : "huyện, thành phố"),
                        tax, d.isBefore(PLANNING_TO_FINANCE) ? "Sở Kế hoạch và Đầu tư" : "Sở Tài chính");
            }
            case DISTRICT -> {
                String word = name.startsWith("thành phố") ? "thành phố" : name.startsWith("thị xã") ? "thị xã"
                        : name.startsWith("quận") ? "quận" : "huyện";
                String party = switch (word) {
                    case "thành phố" -> "Thành ủy";
                    case "thị xã" -> "Thị ủy";
                    case "quận" -> "Quận ủy";
                    default -> "Huyện ủy";
                };
                String subUnits = switch (word) {
                    case "quận" -> "phường";
                    case "huyện" -> "xã, thị trấn";
                    default -> "xã, phường";
                };
                yield new Wording(level, word, "toàn " + word, "UBND " + word, "HĐND " + word, party, subUnits,
                        "Chi cục Thuế", "Phòng Tài chính - Kế hoạch " + word);
            }
            case COMMUNE -> {
                String word = kind == OrgUnitKind.WARD ? "phường" : kind == OrgUnitKind.TOWN ? "thị trấn" : "xã";
                String office = !twoLevels ? "công chức Tài chính - Kế toán " + word
                        : kind == OrgUnitKind.WARD ? "Phòng Kinh tế, Hạ tầng và Đô thị" : "Phòng Kinh tế";
                yield new Wording(level, word, "toàn " + word, "UBND " + word, "HĐND " + word, "Đảng ủy " + word,
                        kind == OrgUnitKind.WARD ? "tổ dân phố" : "thôn, tổ dân phố", "cơ quan thuế", office);
            }
        };
    }

    /** "TỈNH", for headings in capitals. */
    public String levelNameUpper() {
        return levelName.toUpperCase(Locale.forLanguageTag("vi"));
    }

    /** "Xã, phường", to head a column of sub-units. */
    public String subUnitsCapital() {
        return subUnits.isEmpty() ? subUnits : subUnits.substring(0, 1).toUpperCase(Locale.forLanguageTag("vi")) + subUnits.substring(1);
    }

    /** "XÃ, PHƯỜNG", for form titles in capitals. */
    public String subUnitsUpper() {
        return subUnits.toUpperCase(Locale.forLanguageTag("vi"));
    }
}
