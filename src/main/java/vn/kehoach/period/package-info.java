/**
 * Reporting periods (kỳ báo cáo): month, quarter, half-year, year and year-to-date, identified the
 * DHIS2 way ("2021", "2021S1", "2021Q3", "202106") plus "2021YTD09" for the first nine months.
 * One parser, used by every other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"problem", "format"})
package vn.kehoach.period;
