package io.nbci.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.results.RunResults;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens generated reports in the real Debian Chromium (headless, through chromedriver):
 * no console errors, no script from a notebook output runs, the key elements are there
 * and visible. Screenshots and the pages go to {@code target/report-browser/}.
 */
public class HtmlReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target", "report-browser");

    private static Path profile;
    private static ChromeDriver browser;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Debian chromium (scripts/setup.sh installs chromium and chromium-driver)").exists();
        assertThat(CHROMEDRIVER).as("Debian chromium-driver (scripts/setup.sh installs it)").exists();
        Files.createDirectories(OUT);
        profile = Files.createTempDirectory("nbci-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterClass
    public static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    public void shouldShowAPassingRun() throws Exception {
        open(ReportSamples.passingRun(dir()), "passing-run");

        assertNoConsoleErrors();
        assertThat(text("#count-passed .n")).isEqualTo("3");
        assertThat(text("#count-failed .n")).isEqualTo("0");
        assertThat(browser.findElements(By.id("problems"))).isEmpty();
        assertThat(browser.getTitle()).startsWith("nbci run: passed");
        assertChartDrawn(3);
        screenshot("passing-run");
    }

    @Test
    public void shouldLinkTheSummaryToTheHighlightedFailingCell() throws Exception {
        open(ReportSamples.failingCell(dir()), "failing-cell");

        assertNoConsoleErrors();
        assertThat(text("#count-failed .n")).isEqualTo("1");
        WebElement link = browser.findElement(By.cssSelector("#problems a.problem-link"));
        assertThat(link.getAttribute("href")).endsWith("#s0-cell-1");
        link.click();
        WebElement cell = browser.findElement(By.id("s0-cell-1"));
        assertThat(browser.getCurrentUrl()).endsWith("#s0-cell-1");
        assertThat(cell.getAttribute("class")).contains("failed");
        assertThat(cell.getCssValue("border-top-color")).isEqualTo("rgba(207, 34, 46, 1)");
        assertThat(cell.getText()).contains("ZeroDivisionError: division by zero").doesNotContain("[0;31m");
        long top = (Long) js().executeScript("return Math.round(arguments[0].getBoundingClientRect().top)", cell);
        long viewport = (Long) js().executeScript("return window.innerHeight");
        assertThat(top).as("the failing cell is in view").isBetween(0L, viewport - 50);
        screenshot("failing-cell");
    }

    @Test
    public void shouldShowExpectedActualRowDiffAndMetricsOfAFailingAssertion() throws Exception {
        open(ReportSamples.failingAssertion(dir()), "failing-assertion");

        assertNoConsoleErrors();
        assertThat(browser.getTitle()).startsWith("nbci test: failed");
        WebElement failedQuery = browser.findElement(By.cssSelector("#s0-case-0 tr.check.failed"));
        assertThat(failedQuery.findElement(By.cssSelector("td.expected")).getText()).isEqualTo("2 rows");
        assertThat(failedQuery.findElement(By.cssSelector("td.actual")).getText())
                .isEqualTo("2 rows (1 missing, 1 unexpected)");
        assertThat(browser.findElement(By.cssSelector("table.row-diff tr.missing")).getText()).contains("101");
        assertThat(browser.findElement(By.cssSelector("table.row-diff tr.unexpected")).getText()).contains("102");
        assertThat(browser.findElement(By.cssSelector("table.fixture-rows")).getText()).contains("NULL");
        assertThat(browser.findElement(By.cssSelector("#s0-case-0 table.metrics")).getText())
                .contains("stats.offer.imagescore.verifier.missing");
        assertThat(browser.findElement(By.cssSelector("#s0-case-0 .case-output")).getText())
                .contains("<script>document.title='PWNED-TEXT'</script>");
        assertThat(browser.getTitle()).doesNotContain("PWNED");
        assertChartDrawn(2);
        screenshot("failing-assertion");
    }

    @Test
    public void shouldShowImagesAndHtmlTablesOfANotebook() throws Exception {
        open(ReportSamples.richOutputs(dir(), "<b>plain</b>"), "rich-outputs");

        assertNoConsoleErrors();
        WebElement image = browser.findElement(By.cssSelector("img.output-image"));
        assertThat((Long) js().executeScript("return arguments[0].naturalWidth", image)).isEqualTo(160L);
        WebElement frame = browser.findElements(By.cssSelector("iframe.html-output")).get(0);
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        browser.switchTo().frame(frame);
        assertThat(browser.findElements(By.cssSelector("table.dataframe tbody tr"))).hasSize(2);
        browser.switchTo().defaultContent();
        assertThat(browser.findElement(By.cssSelector("p.truncated")).getText())
                .contains("cut from the middle of this output");
        screenshot("rich-outputs");
    }

    @Test
    public void shouldRunNoScriptFromAHostileOutput() throws Exception {
        open(ReportSamples.richOutputs(dir(), ReportSamples.HOSTILE_HTML), "hostile-output");

        assertNoConsoleErrors();
        assertNothingRan();
        screenshot("hostile-output");
    }

    @Test
    public void shouldHoldTheSandboxEvenForUncleanedHostileOutput() throws Exception {
        RunResults results = ReportSamples.richOutputs(dir(), ReportSamples.HOSTILE_HTML);
        Path page = OUT.resolve("hostile-uncleaned.html");
        HtmlReport.withDefaults().withoutCleaning().write(results, temp.getRoot().toPath(), page);
        browser.get(page.toAbsolutePath().toUri().toString());

        assertNothingRan();
        assertThat(consoleErrors()).as("only reports of what the browser blocked").allSatisfy(e -> assertThat(e.getMessage())
                .containsAnyOf("Blocked script execution", "Content Security Policy", "sandboxed"));
    }

    /**
     * A notebook really executed by Jupyter (Debian's nbconvert and ipykernel): a pandas table,
     * a PNG from IPython.display, a hostile HTML output, 10 MB of printed lines and a cell that
     * raises, rendered and opened as a reviewer would.
     */
    @Test
    public void shouldRenderANotebookThatJupyterExecuted() throws Exception {
        Path executed = ExecutedNotebooks.execute(dir(), ReportSamples.HOSTILE_HTML);
        RunResults results = ExecutedNotebooks.results(executed, "jobs/real.ipynb");
        Path page = OUT.resolve("real-notebook.html");
        HtmlReport.withDefaults().write(results, dir(), page);
        browser.get(page.toAbsolutePath().toUri().toString());

        assertNoConsoleErrors();
        assertThat(Files.size(page)).isLessThan(300_000);
        assertThat(browser.getTitle()).startsWith("nbci run: failed").doesNotContain("PWNED");
        assertThat(js().executeScript("return window.name")).isEqualTo("");
        WebElement link = browser.findElement(By.cssSelector("#problems a.problem-link"));
        String target = link.getAttribute("href").replaceFirst(".*#", "");
        WebElement failing = browser.findElement(By.id(target));
        assertThat(failing.getAttribute("class")).contains("failed");
        assertThat(failing.getText()).contains("ZeroDivisionError").contains("ratio = rows / 0").doesNotContain("\u001b[");
        WebElement image = browser.findElement(By.cssSelector("img.output-image"));
        assertThat((Long) js().executeScript("return arguments[0].naturalWidth", image)).isEqualTo(40L);
        List<WebElement> frames = browser.findElements(By.cssSelector("iframe.html-output"));
        assertThat(frames).hasSize(2);
        browser.switchTo().frame(frames.get(0));
        assertThat(browser.findElements(By.cssSelector("table.dataframe tbody tr"))).hasSize(3);
        browser.switchTo().defaultContent();
        assertThat(frames.get(0).getSize().getHeight()).as("a frame about as tall as its table").isBetween(100, 200);
        browser.switchTo().frame(frames.get(1));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("hostile output");
        assertThat(browser.getTitle()).doesNotContain("PWNED");
        browser.switchTo().defaultContent();
        assertThat(browser.findElement(By.cssSelector("p.truncated")).getText()).contains("cut from the middle");
        assertChartDrawn(7);
        screenshot("real-notebook");
    }

    /** docs/reports.md: under Jenkins' default artifact policy (no inline style, no data: image) every fact is still there. */
    @Test
    public void shouldStayReadableUnderJenkinsDefaultPolicy() throws Exception {
        Path page = temp.getRoot().toPath().resolve("jenkins.html");
        HtmlReport.withDefaults().write(ReportSamples.failingCell(dir()), dir(), page);
        Files.writeString(page, Files.readString(page).replace(HtmlReport.CSP,
                "default-src 'none'; img-src 'self'; style-src 'self';"));
        browser.get(page.toUri().toString());

        assertThat(browser.findElement(By.id("count-failed")).getText()).contains("1").contains("failed");
        assertThat(browser.findElement(By.cssSelector("#problems a")).getAttribute("href")).endsWith("#s0-cell-1");
        assertThat(browser.findElement(By.id("s0-cell-1")).getText()).contains("ZeroDivisionError: division by zero")
                .contains("ratio = total / 0");
        assertThat(browser.findElement(By.cssSelector("svg.duration-chart")).getText()).contains("cell 1");
        screenshot("jenkins-default-policy");
        consoleErrors();
    }

    /** Proves the two checks above can fail: the console check sees errors, the hostile markup does run unguarded. */
    @Test
    public void shouldDetectConsoleErrorsAndHostileScriptsOnAnUnguardedPage() throws Exception {
        Path canary = temp.getRoot().toPath().resolve("canary.html");
        Files.writeString(canary, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
                + HtmlReport.CSP + "\"><title>canary</title></head><body><script>document.title='ran'</script>"
                + "<img src=\"http://127.0.0.1:9/x.png\"></body></html>");
        consoleErrors();
        browser.get(canary.toUri().toString());
        assertThat(consoleErrors()).extracting(LogEntry::getMessage)
                .anySatisfy(m -> assertThat(m).contains("Content Security Policy"));

        Path unguarded = temp.getRoot().toPath().resolve("unguarded.html");
        Files.writeString(unguarded, "<!DOCTYPE html><html><head><title>nbci run</title></head><body>"
                + "<iframe srcdoc=\"" + Html.text(ReportSamples.HOSTILE_HTML) + "\"></iframe></body></html>");
        browser.get(unguarded.toUri().toString());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!browser.getTitle().contains("PWNED") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(browser.getTitle()).as("the hostile markup runs when nothing guards it").contains("PWNED");
        consoleErrors();
    }

    private void assertNothingRan() {
        assertThat(browser.getTitle()).doesNotContain("PWNED").startsWith("nbci run");
        assertThat(js().executeScript("return window.name")).isEqualTo("");
        List<WebElement> frames = browser.findElements(By.cssSelector("iframe.html-output"));
        assertThat(frames).hasSize(2);
        for (WebElement frame : frames) {
            assertThat(frame.getAttribute("sandbox")).isEmpty();
            assertThat(frame.getAttribute("srcdoc")).isNotEmpty();
        }
        browser.switchTo().frame(frames.get(1));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("hostile output");
        assertThat(browser.getTitle()).doesNotContain("PWNED");
        browser.switchTo().defaultContent();
    }

    private Path dir() {
        return temp.getRoot().toPath();
    }

    private void open(RunResults results, String name) throws IOException {
        Path page = temp.getRoot().toPath().resolve(name + ".html");
        HtmlReport.withDefaults().write(results, temp.getRoot().toPath(), page);
        Files.copy(page, OUT.resolve(name + ".html"), StandardCopyOption.REPLACE_EXISTING);
        consoleErrors();
        browser.manage().window().setSize(new Dimension(1280, 1600));
        browser.get(page.toUri().toString());
    }

    private List<LogEntry> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).collect(Collectors.toList());
    }

    private void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("browser console warnings and errors").isEmpty();
    }

    private void assertChartDrawn(int bars) {
        WebElement chart = browser.findElements(By.cssSelector("svg.duration-chart")).get(0);
        assertThat(chart.getRect().getWidth()).isGreaterThan(300);
        List<WebElement> rects = chart.findElements(By.cssSelector("g.bar rect"));
        assertThat(rects).hasSize(bars);
        for (WebElement rect : rects) {
            assertThat(rect.getRect().getWidth()).isPositive();
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private JavascriptExecutor js() {
        return browser;
    }

    /** A full-page screenshot (beyond the window) through the DevTools protocol. */
    private void screenshot(String name) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(OUT.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
