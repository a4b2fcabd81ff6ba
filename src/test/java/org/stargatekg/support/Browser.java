package org.stargatekg.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by chromedriver, with every request the pages make recorded through WebDriver
 * BiDi network events. Selenium Manager never runs: the driver and browser binaries are given explicitly.
 */
public final class Browser implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ChromeDriver driver;
    private Network network;
    private Path downloads;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private Browser() {}

    /**
     * A browser for a test class to register ({@code @RegisterExtension}, after its server): started before the first
     * test, its recorded requests forgotten before each, closed after the last.
     */
    public static Browser extension() {
        return new Browser();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        launch();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        forgetRequests();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null)
            close();
    }

    /** Starts a browser, or skips the calling test with a message where Chromium or chromedriver is not installed. */
    public static Browser start() {
        Browser browser = new Browser();
        browser.launch();
        return browser;
    }

    private void launch() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                               "Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does)");
        Path profile;
        Path downloads;
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
            downloads = Files.createTempDirectory(Path.of("target"), "chromium-downloads-").toAbsolutePath();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--no-first-run", "--window-size=1280,1000",
                             "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("webSocketUrl", true);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                                                                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.downloads = downloads;
        this.network = new Network(driver);
        network.onBeforeRequestSent(e -> requests.add(e.getRequest().getUrl()));
    }

    /** The WebDriver, to find elements and navigate. */
    public ChromeDriver driver() {
        return driver;
    }

    /** A wait of up to ten seconds for something to appear. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /**
     * Opens a URL and waits until the new document has loaded: the old one is marked first, so that a check run
     * between navigation and load can never see the previous page, nor a page the parser has only half read.
     */
    public void open(String url) {
        markOld();
        driver.get(url);
        awaitNew();
    }

    /** Reloads the page and waits, as {@link #open(String)} does, until the new document has loaded. */
    public void reload() {
        markOld();
        driver.navigate().refresh();
        awaitNew();
    }

    private void markOld() {
        driver.executeScript("window.__stargateOld = true;");
    }

    private void awaitNew() {
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.__stargateOld && document.readyState === 'complete';")));
    }

    /** The folder files downloaded by pages are saved in. */
    public Path downloads() {
        return downloads;
    }

    /** Every URL requested by pages since the browser started (or since {@link #forgetRequests()}). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests recorded so far. */
    public void forgetRequests() {
        requests.clear();
    }

    /** The recorded requests whose host is not this machine's loopback. */
    public List<String> requestsLeavingThisMachine() {
        return requests.stream().filter(u -> {
            if (u.startsWith("data:") || u.startsWith("about:") || u.startsWith("blob:"))
                return false;
            String host = URI.create(u).getHost();
            return host == null || !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        }).toList();
    }

    @Override
    public void close() {
        try {
            network.close();
        } finally {
            driver.quit();
        }
    }
}
