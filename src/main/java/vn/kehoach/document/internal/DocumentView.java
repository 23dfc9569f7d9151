package vn.kehoach.document.internal;

/**
 * What headings, titles and closing lines can say (Mustache variables): {{year}} 2022, {{previousYear}} 2021,
 * {{unitName}} "Huyện Hạ Lang", {{unitNameLower}} "huyện Hạ Lang", {{unitNameUpper}} "HUYỆN HẠ LANG",
 * {{place}} "Hạ Lang", {{reportPeriod}} "6 tháng đầu năm 2021", {{reportPeriodUpper}}, {{reportEnd}} "30/06/2021",
 * {{reportYear}} 2021 and {{yearBeforeReport}} 2020 (the year of the report period and the one before it),
 * {{number}}, {{symbol}} "KH-UBND", {{date}} "30/07/2021".
 */
public record DocumentView(String year, String previousYear, String unitName, String unitNameLower,
                           String unitNameUpper, String place, String reportPeriod, String reportPeriodUpper,
                           String reportEnd, String reportYear, String yearBeforeReport, String number, String symbol,
                           String date) {
}
