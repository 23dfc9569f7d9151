package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.comparison.Selections;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.security.ApiTokens;
import vn.kehoach.security.Users;

/**
 * {@code kehoach bench http}: a bounded load on this machine's own server (127.0.0.1 only), once with session
 * cookies (form login, then GETs) and once with personal API tokens (one per client), against the same API GET.
 * One {@code name=value} line per figure on standard output, progress and error kinds on standard error. Every loop
 * is bounded by a deadline and a request count.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"Tải thử máy chủ web trên chính máy này (chỉ 127.0.0.1): --clients máy khách đồng thời trong",
                "--seconds giây, một lần bằng phiên đăng nhập (cookie), một lần bằng token API (mỗi máy khách một token).",
                "Không có --url: tự chạy máy chủ trên một cổng trống với --db (nạp số liệu mẫu nếu cơ sở dữ liệu rỗng).",
                "In: session_requests, session_rps, session_p50_ms, session_p99_ms, session_errors, token_… và",
                "token_session_ratio (thông lượng token ÷ thông lượng phiên)."})
class BenchHttpCommand implements Callable<Integer> {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final int MAX_CLIENTS = 500;
    private static final int MAX_SECONDS = 600;
    /** How many turns each mode takes within --seconds. */
    private static final int ROUNDS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--clients", defaultValue = "50", description = "Số máy khách đồng thời (mặc định ${DEFAULT-VALUE}, tối đa 500).")
    int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "Thời gian đo mỗi cách (mặc định ${DEFAULT-VALUE} giây, tối đa 600).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Thời gian chạy nóng, không tính, trước mỗi cách (mặc định ${DEFAULT-VALUE} giây).")
    int warmup;

    @Option(names = "--requests", defaultValue = "1000000",
            description = "Số yêu cầu tối đa mỗi cách (mặc định ${DEFAULT-VALUE}); dừng ở giới hạn nào đến trước.")
    long maxRequests;

    @Option(names = "--path", description = "Yêu cầu GET được đo (mặc định: bảng so sánh của đơn vị cấp cao nhất, khi cơ sở"
            + " dữ liệu chỉ có một, cho kỳ gần nhất có số liệu của nó: đọc số liệu và chỉ tiêu; có nhiều thì bắt buộc).")
    String path;

    @Option(names = "--url", description = "Máy chủ đang chạy trên máy này, ví dụ http://127.0.0.1:8080 (--db phải là cơ sở dữ liệu của nó).")
    String url;

    @Option(names = "--user", defaultValue = "planner", description = "Người dùng đo (mặc định ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = DemoDistrict.DEMO_PASSWORD, description = "Mật khẩu của --user (mặc định: mật khẩu mẫu).")
    String password;

    /** The figures of one mode. */
    record Figures(long requests, double rps, double p50Ms, double p99Ms, long errors) {
    }

    /** What one mode measured in one round: the latency of every request (errors included), errors, seconds. */
    record Sample(long[] nanos, long errors, double seconds) {

        static final Sample NONE = new Sample(new long[0], 0, 0);

        Sample plus(Sample other) {
            long[] all = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
            System.arraycopy(other.nanos, 0, all, nanos.length, other.nanos.length);
            return new Sample(all, errors + other.errors, seconds + other.seconds);
        }

        Figures figures() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            long ok = sorted.length - errors;
            return new Figures(sorted.length, seconds == 0 ? 0 : ok / seconds, percentile(sorted, 50),
                    percentile(sorted, 99), errors);
        }
    }

    /** The default request: the comparisons of the database's only root unit for its latest period with data. */
    private static String comparisonsOfTheRoot(ConfigurableApplicationContext ctx) {
        List<OrgUnit> roots = ctx.getBean(OrgUnits.class).roots();
        if (roots.size() != 1) {
            throw new KeHoachCommand.UserError("Cơ sở dữ liệu có " + roots.size()
                    + " đơn vị cấp cao nhất: không có yêu cầu mặc định, hãy chọn bằng --path");
        }
        OrgUnit root = roots.get(0);
        Period period = ctx.getBean(Selections.class).latestPeriod(root).orElseThrow(() -> new KeHoachCommand.UserError(
                root.name() + " chưa có số liệu: hãy chọn yêu cầu bằng --path"));
        return "/api/v1/comparisons?orgUnit=" + java.net.URLEncoder.encode(root.code(), StandardCharsets.UTF_8)
                + "&period=" + period.id();
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || clients > MAX_CLIENTS || seconds < 1 || seconds > MAX_SECONDS || warmup < 0
                || warmup > MAX_SECONDS || maxRequests < 1) {
            throw new KeHoachCommand.UserError("--clients 1–" + MAX_CLIENTS + ", --seconds 1–" + MAX_SECONDS
                    + ", --warmup 0–" + MAX_SECONDS + ", --requests ≥ 1");
        }
        if (path != null && !path.startsWith("/")) {
            throw new KeHoachCommand.UserError("--path phải bắt đầu bằng '/', ví dụ /api/v1/orgUnits");
        }
        String target = url == null ? null : loopback(url);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Map<String, Object> props = url == null
                ? Map.of("server.port", 0, "server.address", "127.0.0.1", "logging.level.root", "WARN",
                        "logging.level.org.springframework", "WARN")
                : Map.of();
        try (ConfigurableApplicationContext ctx = Boot.start(bench.parent, url == null, props)) {
            String base = target == null ? "http://127.0.0.1:" + Servers.port(ctx) : target;
            Users users = ctx.getBean(Users.class);
            if (users.count() == 0) {
                err.println("Cơ sở dữ liệu rỗng: nạp số liệu mẫu huyện Hạ Lang với người dùng mẫu…");
                ctx.getBean(DemoDistrict.class).load("bench");
            }
            if (users.find(user).isEmpty()) {
                throw new KeHoachCommand.UserError("không có người dùng '" + user
                        + "': nạp số liệu mẫu với người dùng (load-demo --with-users) hoặc chọn --user/--password");
            }
            if (path == null) {
                path = comparisonsOfTheRoot(ctx);
            }
            ApiTokens tokens = ctx.getBean(ApiTokens.class);
            err.println("Đo " + base + path + ": " + clients + " máy khách, " + seconds + " giây mỗi cách");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<String> cookies = sessions(http, base, pool, err);
                Instant issuedAt = Instant.now();
                List<String> bearer = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    bearer.add("Bearer " + tokens.issue(user, "bench-http " + issuedAt + " #" + (i + 1),
                            issuedAt.plus(Duration.ofHours(1)), "bench"));
                }
                try {
                    IntFunction<HttpRequest> sessionRequest = i -> get(base).header("Cookie", "JSESSIONID=" + cookies.get(i)).build();
                    IntFunction<HttpRequest> tokenRequest = i -> get(base).header("Authorization", bearer.get(i)).build();
                    if (warmup > 0) {
                        err.println("Chạy nóng " + warmup + " giây mỗi cách…");
                        run(http, pool, sessionRequest, warmup, maxRequests, err);
                        run(http, pool, tokenRequest, warmup, maxRequests, err);
                    }
                    // The modes take turns, one second-or-more slice each, so that a drift of the machine's load
                    // (other work, the JIT, the garbage collector) falls on both alike.
                    int rounds = Math.min(ROUNDS, seconds);
                    Sample sessionSample = Sample.NONE;
                    Sample tokenSample = Sample.NONE;
                    for (int round = 0; round < rounds; round++) {
                        int slice = seconds / rounds + (round < seconds % rounds ? 1 : 0);
                        sessionSample = sessionSample.plus(run(http, pool, sessionRequest, slice, maxRequests / rounds + 1, err));
                        tokenSample = tokenSample.plus(run(http, pool, tokenRequest, slice, maxRequests / rounds + 1, err));
                    }
                    Figures session = sessionSample.figures();
                    Figures token = tokenSample.figures();
                    print(out, "session", session);
                    print(out, "token", token);
                    out.println("token_session_ratio=" + String.format(Locale.ROOT, "%.2f",
                            session.rps() == 0 ? 0 : token.rps() / session.rps()));
                } finally {
                    for (var t : tokens.list(user)) {
                        if (t.name().startsWith("bench-http " + issuedAt + " #")) {
                            tokens.revoke(user, t.id(), "bench");
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return 0;
    }

    /** Only this machine is ever loaded: http://127.0.0.1:PORT or http://localhost:PORT, sent to 127.0.0.1. */
    static String loopback(String url) {
        URI u = URI.create(url.strip());
        if (!"http".equals(u.getScheme()) || !("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()))
                || u.getPort() < 1) {
            throw new KeHoachCommand.UserError("--url chỉ nhận máy chủ trên chính máy này, dạng http://127.0.0.1:CỔNG, không phải " + url);
        }
        return "http://127.0.0.1:" + u.getPort();
    }

    private HttpRequest.Builder get(String base) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET();
    }

    /** One signed-in session per client: the login form's CSRF token, then the form post; the first login alone first. */
    private List<String> sessions(HttpClient http, String base, ExecutorService pool, PrintStream err) throws Exception {
        // One login on its own first: a wrong password then costs one failed attempt, not one per client (lockout).
        String first = login(http, base);
        List<Future<String>> rest = new ArrayList<>();
        for (int i = 1; i < clients; i++) {
            rest.add(pool.submit(() -> login(http, base)));
        }
        List<String> cookies = new ArrayList<>();
        cookies.add(first);
        for (Future<String> f : rest) {
            cookies.add(f.get());
        }
        err.println("Đã đăng nhập " + cookies.size() + " phiên của " + user);
        return cookies;
    }

    private String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(REQUEST_TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        String cookie = sessionCookie(form);
        if (form.statusCode() != 200 || !csrf.find() || cookie == null) {
            throw new IllegalStateException("trang đăng nhập " + base + "/login trả về " + form.statusCode());
        }
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        String session = sessionCookie(signedIn);
        if (signedIn.statusCode() != 302 || location.contains("error") || session == null) {
            throw new KeHoachCommand.UserError("không đăng nhập được bằng " + user + " (" + signedIn.statusCode() + " "
                    + location + "): kiểm tra --user/--password");
        }
        return session;
    }

    private static String sessionCookie(HttpResponse<?> r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(c);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Every client sends its request, waits for the answer and sends the next, until the deadline or the request
     * budget is spent; a non-200 answer, a timeout or a broken connection counts as an error.
     */
    private Sample run(HttpClient http, ExecutorService pool, IntFunction<HttpRequest> request, int forSeconds,
                        long budget, PrintStream err) throws Exception {
        AtomicLong issued = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            int client = i;
            results.add(pool.submit(() -> {
                HttpRequest r = request.apply(client);
                long[] latencies = new long[1024];
                int n = 0;
                start.await();
                long deadline = window[1];
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= budget) {
                    long t0 = System.nanoTime();
                    String error = null;
                    try {
                        HttpResponse<Void> resp = http.send(r, HttpResponse.BodyHandlers.discarding());
                        if (resp.statusCode() != 200) {
                            error = "HTTP " + resp.statusCode();
                        }
                    } catch (java.io.IOException e) {
                        error = e.getClass().getSimpleName();
                    }
                    long took = System.nanoTime() - t0;
                    if (error != null) {
                        errorKinds.computeIfAbsent(error, k -> new AtomicLong()).incrementAndGet();
                        latencies = append(latencies, n++, -took - 1);
                    } else {
                        latencies = append(latencies, n++, took);
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + TimeUnit.SECONDS.toNanos(forSeconds);
        start.countDown();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get(forSeconds + REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS));
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        long errors = 0;
        long[] times = new long[all.stream().mapToInt(a -> a.length).sum()];
        int k = 0;
        for (long[] a : all) {
            for (long t : a) {
                if (t < 0) {
                    errors++;
                    times[k++] = -t - 1;
                } else {
                    times[k++] = t;
                }
            }
        }
        if (!errorKinds.isEmpty()) {
            err.println("Lỗi: " + new TreeMap<>(Map.copyOf(errorKinds)));
        }
        return new Sample(times, errors, elapsed);
    }

    private static long[] append(long[] a, int at, long value) {
        long[] grown = at < a.length ? a : Arrays.copyOf(a, a.length * 2);
        grown[at] = value;
        return grown;
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static void print(PrintStream out, String mode, Figures f) {
        out.println(mode + "_requests=" + f.requests());
        out.println(mode + "_rps=" + String.format(Locale.ROOT, "%.1f", f.rps()));
        out.println(mode + "_p50_ms=" + String.format(Locale.ROOT, "%.1f", f.p50Ms()));
        out.println(mode + "_p99_ms=" + String.format(Locale.ROOT, "%.1f", f.p99Ms()));
        out.println(mode + "_errors=" + f.errors());
    }
}
