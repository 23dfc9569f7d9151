package vn.kehoach.demo;

/**
 * Published inside the demo load's transaction once the district's catalog, units, values and targets are in:
 * a module listening to it adds its own demo data, and a failure there undoes the whole load.
 *
 * @param user who loads the demo, for audit trails
 */
public record DemoDistrictLoaded(String user) {
}
