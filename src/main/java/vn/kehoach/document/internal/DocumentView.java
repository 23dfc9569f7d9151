package vn.kehoach.document.internal;

/**
 * What headings, titles and closing lines can say (Mustache variables): {{year}} 2022, {{previousYear}} 2021,
 * {{unitName}} "Huyện Hạ Lang", {{unitNameLower}} "huyện Hạ Lang", {{unitNameUpper}} "HUYỆN HẠ LANG",
 * {{place}} "Hạ Lang", {{reportPeriod}} "6 tháng đầu năm 2021", {{reportPeriodUpper}}, {{reportEnd}} "30/06/2021",
 * {{reportYear}} 2021 and {{yearBeforeReport}} 2020 (the year of the report period and the one before it),
 * {{number}}, {{symbol}} "KH-UBND", {{date}} "30/07/2021".
 * <p>
 * The words of the unit's level at the document's date ({@link Wording}): {{levelName}} "huyện" / "xã" / "tỉnh",
 * {{levelNameUpper}} "HUYỆN", {{whole}} "toàn huyện", {{committee}} "UBND huyện", {{council}} "HĐND huyện",
 * {{partyCommittee}} "Huyện ủy" / "Đảng ủy xã" / "Tỉnh ủy", {{subUnits}} "xã, thị trấn" / "thôn, tổ dân phố" /
 * "xã, phường", {{subUnitsCapital}} "Xã, thị trấn", {{subUnitsUpper}} "XÃ, THỊ TRẤN", {{taxOffice}} "Chi cục Thuế" /
 * "cơ quan thuế" / "Cục Thuế tỉnh", {{planningOffice}} the unit's office that compiles the plan ("Phòng Tài chính -
 * Kế hoạch huyện", "Sở Tài chính" from 01/03/2025, "Sở Kế hoạch và Đầu tư" before).
 */
public record DocumentView(String year, String previousYear, String unitName, String unitNameLower,
                           String unitNameUpper, String place, String reportPeriod, String reportPeriodUpper,
                           String reportEnd, String reportYear, String yearBeforeReport, String number, String symbol,
                           String date, String levelName, String levelNameUpper, String whole, String committee,
                           String council, String partyCommittee, String subUnits, String subUnitsCapital,
                           String subUnitsUpper, String taxOffice, String planningOffice) {
}
