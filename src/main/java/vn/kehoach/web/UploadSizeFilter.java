package vn.kehoach.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;

/**
 * Refuses an upload whose declared size is over the multipart limit before anything reads it. Without this, the
 * first reader of the body is the CSRF check of a page, whose failure to parse the parts ends in the servlet
 * container's English "413 Payload Too Large" page; here the person gets the Vietnamese message instead (problem+json for
 * the API), in the element where the exchange page shows an import's result.
 */
class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;

    UploadSizeFilter(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/")
                || request.getContentLengthLong() <= maxRequestBytes) {
            chain.doFilter(request, response);
            return;
        }
        String message = UploadLimits.message();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (path.startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(ProblemJson.text(Problem.of(ProblemType.TOO_LARGE, message), 413,
                    request.getRequestURI()));
            return;
        }
        String ctx = request.getContextPath();
        response.setContentType("text/html");
        response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>Tệp quá lớn — KeHoach"
                + "</title><link rel=\"stylesheet\" href=\"" + ctx + "/css/kehoach.css\"></head><body><main><h1>Tệp quá lớn</h1>"
                + "<div id=\"import-result\"><p class=\"error\" id=\"upload-error\">" + HtmlUtils.htmlEscape(message, "UTF-8")
                + "</p></div><p><a href=\"" + ctx + "/exchange\">Quay lại trang trao đổi dữ liệu</a></p></main></body></html>");
    }
}
