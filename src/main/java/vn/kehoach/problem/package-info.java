/**
 * Problems (lỗi người dùng xử lý được): the one typed model of what went wrong — bad input, something not found,
 * forbidden, a conflict, a lock, too large, or an unexpected failure — with its Vietnamese title and detail and the
 * field and value it concerns. Exceptions of every module carry one ({@link vn.kehoach.problem.Refusal}); the web
 * maps it once to problem+json and to a Vietnamese page, the command line to a message and an exit code.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {}, type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.kehoach.problem;
