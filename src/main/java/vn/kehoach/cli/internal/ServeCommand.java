package vn.kehoach.cli.internal;

import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kehoach serve}: the web server on the chosen database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Chạy máy chủ web (giao diện và API /api/v1) trên cơ sở dữ liệu đã chọn.")
class ServeCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--port", defaultValue = "8080", description = "Cổng (mặc định ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0",
            description = "Địa chỉ lắng nghe (mặc định ${DEFAULT-VALUE}: mọi giao diện mạng).")
    String host;

    @Override
    public Integer call() throws Exception {
        ConfigurableApplicationContext ctx = Boot.start(parent.application, parent.db, true,
                Map.of("server.port", port, "server.address", host));
        System.out.println("KeHoach đang chạy tại http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":"
                + port + "/");
        Servers.awaitClose(ctx);
        return 0;
    }
}
