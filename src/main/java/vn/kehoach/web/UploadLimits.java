package vn.kehoach.web;


import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import vn.kehoach.exchange.ImportLimits;
import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.security.Actors;

/**
 * An upload over the 20 MB limit ({@code spring.servlet.multipart.max-file-size}) is refused before any
 * controller sees it; this turns that into a Vietnamese message: problem+json with status 413 for the API, a page for
 * the browser (its message in the element htmx swaps in, so it shows where the import result would).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    private final Actors actors;

    UploadLimits(Actors actors) {
        this.actors = actors;
    }

    static String message() {
        return "Tệp tải lên quá lớn: mỗi lần tải lên tối đa " + ImportLimits.megabytes(ImportLimits.MAX_FILE_BYTES)
                + ". Hãy chia nhỏ (ví dụ mỗi xã một tệp, hoặc từng kỳ) hoặc dùng lệnh kehoach import.";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return ProblemJson.response(Problem.of(ProblemType.TOO_LARGE, message()), request.getRequestURI());
        }
        ModelAndView page = new ModelAndView("web/upload-too-large");
        page.addObject("message", message());
        page.addObject("me", actors.current());
        page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return page;
    }
}
