/**
 * The command line ({@code ./kehoach}): picocli commands that start the application context they need and
 * call the modules' services: serve, demo, load-demo, compare, import, user, check, extract, bench, projects, tasks,
 * budget, report, backup, restore, init, unit, target, completeness, sign, verify (these two without a database).
 */
@org.springframework.modulith.ApplicationModule
package vn.kehoach.cli;
