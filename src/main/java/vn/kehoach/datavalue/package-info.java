/**
 * Data values (số liệu): element × org unit × period × kind (thực hiện or ước thực hiện) → value, with a
 * comment, a version for optimistic locking, and an audit trail of every change (who, when, from where,
 * old and new).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "orgunit", "period", "format", "audit", "security", "access", "problem"})
package vn.kehoach.datavalue;
