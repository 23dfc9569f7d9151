/**
 * Who may read and write what (quyền truy cập): the names of the resources and the one question every module's
 * service asks before it reads or writes one, {@link vn.kehoach.access.Guard}. The answer — role × the actor's
 * org-unit subtree, one rule per resource — lives in the security module, which implements the guard; modules
 * below security (org units, the catalog) ask it through this interface, so the rule is decided in the service of
 * each resource and no page or endpoint can forget it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {}, type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.kehoach.access;
