package vn.kehoach.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;

/**
 * The servlet container's errors — those no controller saw: an address that does not exist, a page the security
 * filter refused (a reporter on /admin/users), an API call without credentials — answered in Vietnamese like every
 * other: problem+json under /api, otherwise the site's 403, 404, 500 or general error page. Replaces Spring Boot's
 * English "Whitelabel Error Page".
 */
@Controller
class ErrorPages implements ErrorController {

    private final Actors actors;

    ErrorPages(Actors actors) {
        this.actors = actors;
    }

    /** The Vietnamese detail of an HTTP status that carries no message of its own. */
    static String detail(int status) {
        return switch (status) {
            case 401 -> "Cần đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic) hoặc mã truy cập cá nhân "
                    + "(Authorization: Bearer kh_…)";
            case 403 -> "Tài khoản của bạn không có quyền mở trang hay thực hiện thao tác này. Nếu cần, hãy đề nghị "
                    + "quản trị viên cấp quyền.";
            case 404 -> "Không có trang hay địa chỉ này. Hãy kiểm tra lại đường dẫn.";
            case 405 -> "Địa chỉ này không nhận phương thức HTTP đã gửi.";
            case 406 -> "Không trả được kết quả theo định dạng yêu cầu (Accept).";
            case 413 -> "Nội dung gửi lên quá lớn.";
            case 415 -> "Kiểu nội dung gửi lên (Content-Type) không được hỗ trợ.";
            default -> status >= 500 ? Problem.INTERNAL_DETAIL : "Yêu cầu không hợp lệ.";
        };
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        int status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Problem problem = failure != null ? ProblemJson.of(failure, path)
                : Problem.of(ProblemType.ofStatus(status), detail(status));
        if (failure != null) {
            status = ProblemJson.status(failure, problem);
        }
        if (path.startsWith("/api/")) {
            return ProblemJson.response(problem, status, uri);
        }
        String view = switch (status) {
            case 403, 404 -> "error/" + status;
            default -> status >= 500 ? "error/500" : "error/error";
        };
        ModelAndView page = new ModelAndView(view, Map.of("status", status));
        if (failure != null || (status != 403 && status != 404)) {
            page.addObject("message", problem.detail());
        } // else the page prints its own #{forbidden.detail} / #{notFound.detail}, in English too with ?lang=en

        if (status == 403 && failure == null && path.startsWith("/admin")) {
            // The security filter's refusal (SecurityConfig: /admin/** needs ADMIN): say which right is missing.
            Actor me = actors.current();
            page.addObject("forbiddenPath", path);
            page.addObject("neededRole", "ADMIN");
            page.addObject("myRoleKeys", me.roles().stream().map(r -> "layout.role." + r.name()).sorted().toList());
        }
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer i && i >= 400 ? i : 500;
    }
}
