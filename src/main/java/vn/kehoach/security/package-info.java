/**
 * Who may do what: users with roles (ADMIN, PLANNER, REPORTER, APPROVER, VIEWER), each bound to an org unit and
 * seeing and writing only its subtree; form login for pages, HTTP Basic and personal API tokens for the REST API,
 * CSRF on forms, Argon2id password hashes, lockout after repeated failed logins. {@link vn.kehoach.security.Actors}
 * tells any module who is acting and refuses what lies outside their scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"orgunit", "audit", "access", "problem"})
package vn.kehoach.security;
