/**
 * Vietnamese formatting of numbers, percentages and dates (7.380; 1.492,9; 99,4%; 30/06/2021),
 * and the reading of numbers typed the Vietnamese way. The one formatter of the application.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {}, type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.kehoach.format;
