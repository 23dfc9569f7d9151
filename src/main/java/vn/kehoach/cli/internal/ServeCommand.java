package vn.kehoach.cli.internal;

import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kehoach serve}: the web server on the chosen database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Chạy máy chủ web (giao diện và API /api/v1) trên cơ sở dữ liệu đã chọn.",
                "Mặc định chỉ máy này truy cập được (127.0.0.1, thường đặt sau một reverse proxy có HTTPS);",
                "--host 0.0.0.0 mở cho mọi giao diện mạng và in từng địa chỉ."})
class ServeCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--port", defaultValue = "8080", description = "Cổng (mặc định ${DEFAULT-VALUE}; 0: một cổng trống).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Địa chỉ lắng nghe (mặc định ${DEFAULT-VALUE}: chỉ máy này; 0.0.0.0: mọi giao diện mạng).")
    String host;

    @Override
    public Integer call() throws Exception {
        ConfigurableApplicationContext ctx = Boot.start(parent, true,
                Map.of("server.port", port, "server.address", host));
        for (String url : Servers.urls(ctx, host)) {
            System.out.println("KeHoach đang chạy tại " + url);
        }
        System.out.flush();
        Servers.awaitClose(ctx);
        return 0;
    }
}
