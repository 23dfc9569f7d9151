package vn.kehoach.security.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;

/** Puts the signed-in actor into every page's model as {@code me}, for the header and role-dependent links. */
@ControllerAdvice
class CurrentUserAdvice {

    private final Actors actors;

    CurrentUserAdvice(Actors actors) {
        this.actors = actors;
    }

    @ModelAttribute("me")
    Actor me() {
        return actors.current();
    }
}
