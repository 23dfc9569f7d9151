package vn.kehoach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code apt-get install chromium chromium-driver}, done by .ci/run),
 * driven by Selenium without Selenium Manager's downloads. A missing browser fails the test: nothing is skipped.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KEHOACH_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("KEHOACH_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /**
     * Signs in through the login form at {@code baseUrl/login} when the application shows one (demo users have
     * the password {@code demo}); pages opened afterwards are seen as that user.
     */
    public static void login(WebDriver driver, String baseUrl, String user, String password) {
        driver.get(baseUrl + "/login");
        List<WebElement> username = driver.findElements(By.name("username"));
        if (username.isEmpty()) {
            return;
        }
        username.get(0).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        // The click returns before the form's POST is answered: a page opened at once could cancel it or go out
        // without the session cookie. Wait until the browser has left the login page (for the page asked for, the
        // home page, or "/login?error" when the sign-in is refused).
        String loginPage = baseUrl + "/login";
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !loginPage.equals(d.getCurrentUrl()));
    }

    public static ChromeDriver open() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
