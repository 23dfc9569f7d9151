package vn.kehoach.cli.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** The server commands' shared parts: the addresses a server really answers on, and waiting until it is closed. */
final class Servers {

    private Servers() {
    }

    /** The port the web server of the context listens on (the real one when 0 asked for a free port). */
    static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    /**
     * The URLs under which a server bound to {@code host} answers: that address alone, or, bound to every interface
     * (0.0.0.0 or ::), each address of this machine's interfaces that are up, loopback first.
     */
    static List<String> urls(ConfigurableApplicationContext ctx, String host) throws UnknownHostException, SocketException {
        int port = port(ctx);
        InetAddress bound = InetAddress.getByName(host);
        if (!bound.isAnyLocalAddress()) {
            return List.of(url(bound, port));
        }
        List<String> loopback = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                // An IPv4 wildcard listens on IPv4 addresses only; the IPv6 one on both.
                if (bound instanceof Inet4Address && !(a instanceof Inet4Address) || a.isLinkLocalAddress()) {
                    continue;
                }
                (a.isLoopbackAddress() ? loopback : others).add(url(a, port));
            }
        }
        loopback.addAll(others);
        return loopback;
    }

    private static String url(InetAddress a, int port) {
        String host = a.getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return "http://" + (a instanceof Inet4Address ? host : "[" + host + "]") + ":" + port + "/";
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
