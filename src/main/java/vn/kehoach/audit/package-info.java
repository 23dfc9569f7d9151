/**
 * What every module's audit trail shares: where a change came from ({@link vn.kehoach.audit.Source}).
 * Each module keeps the trail of its own data; this module only names the channels.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {}, type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.kehoach.audit;
