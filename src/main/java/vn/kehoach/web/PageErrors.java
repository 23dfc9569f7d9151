package vn.kehoach.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;

/**
 * A page asked for something outside the user's scope (a 403 page that says what and why), or for something that
 * does not exist or cannot be (an unknown form, a period of the wrong type: a 400 page naming it).
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final Actors actors;

    PageErrors(Actors actors) {
        this.actors = actors;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, Model model) {
        model.addAttribute("message", e.getMessage());
        // An exception handler's model misses the advice's attributes; the header needs the signed-in user.
        model.addAttribute("me", actors.current());
        return "web/bad-request";
    }

    @ExceptionHandler(OutOfScopeException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(OutOfScopeException e, Model model) {
        // @ModelAttribute methods do not run for an exception handler's view: the layout's "me" is added here.
        model.addAttribute("me", actors.current());
        model.addAttribute("message", e.getMessage());
        return "web/forbidden";
    }
}
