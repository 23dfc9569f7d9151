/**
 * What the pages share: the layout, the language (Vietnamese first, English second), error responses of the
 * API, and the home page with the comparisons of a unit and period.
 */
@org.springframework.modulith.ApplicationModule
package vn.kehoach.web;
