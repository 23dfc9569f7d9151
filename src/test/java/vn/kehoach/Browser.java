package vn.kehoach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code apt-get install chromium chromium-driver}, done by .ci/run),
 * driven by Selenium without Selenium Manager's downloads. A missing browser fails the test: nothing is skipped.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KEHOACH_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("KEHOACH_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** How long findElement waits for an element to appear. */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    private Browser() {
    }

    /**
     * Signs in through the login form at {@code baseUrl/login} when the application shows one (demo users have
     * the password {@code demo}); pages opened afterwards are seen as that user.
     */
    public static void login(WebDriver driver, String baseUrl, String user, String password) {
        driver.get(baseUrl + "/login");
        List<WebElement> username = findNow(driver, By.name("username"));
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

    /**
     * Signs in afresh: forgets the session (cookies), signs in through the form, and waits until the browser has left
     * the login page, so a sign-in that is refused fails here.
     */
    public static void signIn(WebDriver driver, String baseUrl, String user, String password) {
        driver.manage().deleteAllCookies();
        login(driver, baseUrl, user, password);
        waiting(driver).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    public static void clickAndWait(WebDriver driver, WebElement what) {
        WebElement page = driver.findElement(By.tagName("html"));
        what.click();
        waiting(driver).until(ExpectedConditions.stalenessOf(page));
    }

    /** A wait of 10 s that reads again an element replaced meanwhile (htmx swaps parts of the page). */
    public static WebDriverWait waiting(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
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
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return driver;
    }

    /**
     * The elements matching {@code by} in the page as it is now, without the implicit wait. For checking that a
     * loaded page has none: {@code findElements} waits the whole implicit wait (5 s) before it answers "none".
     * Read something the page must show first when it comes late (htmx, scripts), so "none" is not asked too early.
     */
    public static List<WebElement> findNow(WebDriver driver, By by) {
        return findNow(driver, driver, by);
    }

    /** As {@link #findNow(WebDriver, By)}, inside {@code in} (an element of the page). */
    public static List<WebElement> findNow(WebDriver driver, SearchContext in, By by) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return in.findElements(by);
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** A phone: 390×844 CSS pixels, touch, at device scale 1 (the screenshots stay small and quick). */
    public static void phone(ChromeDriver driver) {
        viewport(driver, 390, 844, true);
    }

    /** An office PC: 1366×768, the commonest screen of a People's Committee's desktops. */
    public static void office(ChromeDriver driver) {
        viewport(driver, 1366, 768, false);
    }

    /** Emulates a viewport of width×height CSS pixels (Chrome DevTools' Emulation.setDeviceMetricsOverride). */
    public static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile));
    }

    /** How far the open page is wider than its viewport, in CSS pixels (0 when it does not scroll sideways). */
    public static long sidewaysScroll(WebDriver driver) {
        Object over = ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0)"
                        + " - document.documentElement.clientWidth;");
        return ((Number) over).longValue();
    }

    /** Saves a PNG of the open page as target/screenshots/{name}.png, a test artefact, and returns its path. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The header's link with this text, made clickable: on a phone the "Menu" button is opened first, and the
     * grouped menu ({@code <details>}) that holds the link is opened (docs/pages.md). Tests click it themselves.
     */
    public static WebElement headerLink(WebDriver driver, String text) {
        WebElement header = driver.findElement(By.cssSelector("header.top"));
        List<WebElement> links = header.findElements(By.xpath(".//a[normalize-space(.)=" + xpathLiteral(text) + "]"));
        if (links.isEmpty()) {
            throw new org.openqa.selenium.NoSuchElementException("no header link '" + text + "'");
        }
        WebElement link = links.get(0);
        if (link.isDisplayed()) {
            return link;
        }
        List<WebElement> toggle = findNow(driver, header, By.id("nav-toggle"));
        List<WebElement> button = findNow(driver, header, By.id("menu-button"));
        if (!toggle.isEmpty() && !button.isEmpty() && button.get(0).isDisplayed() && !toggle.get(0).isSelected()) {
            button.get(0).click();
        }
        List<WebElement> menus = findNow(driver, link, By.xpath("ancestor::details[1]"));
        if (!menus.isEmpty() && menus.get(0).getAttribute("open") == null) {
            menus.get(0).findElement(By.tagName("summary")).click();
        }
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> link.isDisplayed());
        return link;
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
