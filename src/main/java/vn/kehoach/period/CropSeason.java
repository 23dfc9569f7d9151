package vn.kehoach.period;

import java.util.Locale;

/**
 * The crop seasons (vụ) of northern Viet Nam's mountain districts, with their months. A season is named by the
 * year of its harvest: Đông Xuân 2021 ("2021DX") is sown from November 2020 and harvested by May 2021, so the
 * seed's "vụ Đông Xuân 2020 – 2021". Seasons overlap in months (Hè Thu and Mùa share the summer) but never in
 * crops: a season's figures belong to it alone, and the seasons of a year make up its crop year ("2021CY").
 *
 * @param code        the suffix of the period id: DX, HT, MUA, VD
 * @param startOffset months from January of the harvest year to the first month (−2 is November of the year before)
 * @param months      how many months the season lasts
 */
public enum CropSeason {
    /** Vụ Đông Xuân: November of the year before to May. */
    DONG_XUAN("DX", "vụ Đông Xuân", -2, 7),
    /** Vụ Hè Thu: April to August. */
    HE_THU("HT", "vụ Hè Thu", 3, 5),
    /** Vụ Mùa: June to November. */
    MUA("MUA", "vụ Mùa", 5, 6),
    /** Vụ Đông: September to the next January, counted in the crop year of the year it is sown. */
    DONG("VD", "vụ Đông", 8, 5);

    private final String code;
    private final String label;
    private final int startOffset;
    private final int months;

    CropSeason(String code, String label, int startOffset, int months) {
        this.code = code;
        this.label = label;
        this.startOffset = startOffset;
        this.months = months;
    }

    public String code() {
        return code;
    }

    /** "vụ Đông Xuân". */
    public String label() {
        return label;
    }

    /** Months from January of the season's year to its first month: −2 for November of the year before. */
    public int startOffset() {
        return startOffset;
    }

    public int months() {
        return months;
    }

    /** True when the season begins in one calendar year and ends in the next (Đông Xuân, vụ Đông). */
    public boolean crossesYear() {
        return startOffset < 0 || startOffset + months > 12;
    }

    /** The season by its index in a period (1 Đông Xuân … 4 vụ Đông). */
    public static CropSeason ofIndex(int index) {
        return values()[index - 1];
    }

    public int index() {
        return ordinal() + 1;
    }

    /** The season with this id suffix ("DX", "HT", "MUA", "VD"); null when there is none. */
    static CropSeason ofCode(String code) {
        for (CropSeason s : values()) {
            if (s.code.equals(code.toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
