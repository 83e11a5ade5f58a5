package kr.madang.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the services' {@code *BrowserTests}: Debian's {@code /usr/bin/chromium} driven by
 * {@code /usr/bin/chromedriver} (override with {@code MADANG_CHROMIUM} / {@code MADANG_CHROMEDRIVER}), a fresh
 * profile each time, nothing fetched from the network. One per test class: open it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** A new browser whose relative addresses resolve against {@code http://localhost:port}. */
    public static Browser open(int port) {
        Path profile;
        try {
            profile = Files.createTempDirectory("madang-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("MADANG_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=ko-KR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(setting("MADANG_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        return new Browser(driver, profile, "http://localhost:" + port);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Goes to a path of the service (or a full address). */
    public Browser go(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
        return this;
    }

    public WebElement find(By by) {
        return waiting().until(d -> d.findElement(by));
    }

    /** A wait that lives through the page being replaced under it (a form's answer loading). */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The field labelled by its id: cleared, then typed into. */
    public Browser type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Sets a field's value as the browser would post it, for inputs whose typing depends on the browser's locale
     * (datetime-local).
     */
    public Browser setValue(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1]", find(By.id(id)).getAttribute("id"), value);
        return this;
    }

    /** Clicks a submit button and waits for the answer's page (the old page's text must not be taken for it). */
    public Browser submit(By button) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("document.body.dataset.before = 'submit'");
        click(button);
        waiting().until(d -> js.executeScript("return document.body && document.readyState === 'complete' "
                + "&& document.body.dataset.before === undefined"));
        return this;
    }

    public Browser select(String id, String value) {
        new Select(find(By.id(id))).selectByValue(value);
        return this;
    }

    public Browser click(By by) {
        find(by).click();
        return this;
    }

    /** Clicks the button or link whose visible text contains {@code text}. */
    public Browser clickText(String text) {
        return click(By.xpath("//*[(self::button or self::a or (self::input and @type='submit')) and contains(normalize-space(.), '"
                + text + "')]"));
    }

    public String text() {
        return find(By.tagName("body")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Waits until the page's text contains {@code expected}; returns the text. */
    public String waitForText(String expected) {
        try {
            waiting().until(d -> d.findElement(By.tagName("body")).getText().contains(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("Page " + driver.getCurrentUrl() + " never showed \"" + expected + "\"; it shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        return text();
    }

    /** Signs in on the service's dev sign-in page ({@code madang.dev-sign-in.enabled=true}). */
    public Browser devSignIn(String role, String region, String event) {
        driver.manage().deleteAllCookies();
        go("/sign-in");
        select("role", role);
        if (region != null) {
            select("region", region);
        }
        if (event != null) {
            type("event", event);
        }
        click(By.cssSelector("form[action$='/sign-in/dev'] button[type=submit]"));
        // Signed in once the answer has left the sign-in page: the next step must not race the redirect.
        try {
            waiting().until(d -> !currentPath().startsWith("/sign-in"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Dev sign-in as " + role + " failed; the page shows:\n" + text(), e);
        }
        return this;
    }

    /**
     * Runs axe-core (vendored, see {@code axe-core/README.md} beside this class) on the page as it is now, with the
     * WCAG 2.1 A/AA rules and axe's best practices; returns one line per violation ({@code rule: target, target}),
     * empty when the page passes. Assert it is empty: {@code assertThat(browser.axeViolations()).isEmpty()}.
     */
    public List<String> axeViolations() {
        driver.executeScript(AXE_SOURCE);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        if (!violations.isEmpty()) {
            screenshot("axe-" + System.currentTimeMillis());
        }
        return violations;
    }

    private static final String AXE_SOURCE = readAxe();

    private static String readAxe() {
        try (var in = Browser.class.getResourceAsStream("axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core/axe.min.js is missing from the test-support resources");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png}; returns the file. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
