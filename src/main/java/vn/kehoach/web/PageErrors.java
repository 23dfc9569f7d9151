package vn.kehoach.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.security.Actors;

/**
 * A page's failure as a Vietnamese page, from the same {@link Problem} the API answers: something outside the
 * user's scope (a 403 page that says what and why), something that does not exist or cannot be (an unknown form, a
 * period of the wrong type: a page naming it, 400 or 404), anything unexpected (a 500 page with an incident code).
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final Actors actors;

    PageErrors(Actors actors) {
        this.actors = actors;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView any(Exception e, HttpServletRequest request) {
        Problem problem = ProblemJson.of(e, request.getMethod() + " " + request.getRequestURI());
        return page(problem, ProblemJson.status(e, problem));
    }

    private ModelAndView page(Problem problem, int status) {
        // A request's own refusal keeps the page that names it (its message in #bad-request); 403 and 500 have theirs.
        String view = status == 403 ? "error/403" : status >= 500 ? "error/500" : "web/bad-request";
        ModelAndView page = new ModelAndView(view);
        page.addObject("message", problem.detail());
        page.addObject("problems", problem.errors());
        // @ModelAttribute methods do not run for an exception handler's view: the layout's "me" is added here.
        page.addObject("me", actors.current());
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }
}
