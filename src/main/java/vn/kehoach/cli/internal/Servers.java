package vn.kehoach.cli.internal;

import java.util.concurrent.CountDownLatch;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Keeps a server command running until its context is closed (Ctrl+C closes it through the shutdown hook). */
final class Servers {

    private Servers() {
    }

    static void awaitClose(ConfigurableApplicationContext ctx) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (ctx.isActive()) {
            closed.await();
        }
    }
}
