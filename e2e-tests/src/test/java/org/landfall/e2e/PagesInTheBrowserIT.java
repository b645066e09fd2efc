package org.landfall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The three pages in headless Chromium against the packaged services: an officer enters a contract through the
 * intake form (a refused field shows its error beside it), an inspector posts updates through the status page,
 * and the dashboard, open all along, shows the new figures through its live stream without a reload. Screenshots
 * go to {@code landfall.screenshots} (default e2e-tests/target/screenshots; the README's come from here).
 */
class PagesInTheBrowserIT {

    static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();
    static final Path SHOTS = ROOT.resolve(System.getProperty("landfall.screenshots", "e2e-tests/target/screenshots"));

    static RunningLandfall landfall;
    static WebDriver browser;
    static WebDriverWait wait;
    static Path profile;

    @BeforeAll
    static void startTheBrowser() throws Exception {
        landfall = RunningLandfall.get();
        landfall.demoData(); // so that the screenshots show something like a real morning
        profile = Files.createTempDirectory("landfall-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/lib/chromium/chromium").exists() ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium");
        // Without the background-networking switches Chromium waits for services it cannot reach here.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        // The machine's chromedriver, named explicitly: Selenium Manager would try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopTheBrowser() throws Exception {
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
    void shouldEnterAContractPostUpdatesAndSeeTheDashboardFollowWithoutReloading() throws Exception {
        String province = "Browserland " + UUID.randomUUID().toString().substring(0, 6);

        // The dashboard, open on the province before anything happened there.
        browser.get(landfall.reporting.url("/?from=2023-Q1&to=2023-Q4&province=" + province.replace(" ", "+")));
        signIn("analyst");
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        waitForText("t-signed-count", "0");
        String dashboard = browser.getWindowHandle();
        // Lost on any reload: proves the figures below arrive through the stream.
        js("window.sameDocument = 'yes'");

        // Intake: a contract with two phases, first with a planned start before the signing.
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(landfall.intake.url("/"));
        signIn("intake-officer");
        wait.until(d -> new Select(field("new-sector")).getOptions().size() > 1);
        type("new-name", "Browser battery project " + province);
        type("new-investor", "Pages Co., Ltd.");
        type("new-province", province);
        type("new-city", "Pageton");
        type("new-district", "Tabside");
        new Select(field("new-sector")).selectByValue("new-energy");
        date("new-signedOn", "2023-02-15");
        type("new-contractValue", "1050000000");
        type("new-plannedJobs", "300");
        browser.findElement(By.id("new-add-phase")).click();
        type("new-phases-0-investment", "600000000");
        type("new-phases-0-capacity-value", "20");
        type("new-phases-0-capacity-unit", "GWh");
        browser.findElement(By.id("new-add-phase")).click();
        type("new-phases-1-investment", "450000000");
        date("new-plannedStartOn", "2023-01-01");
        submit("sign");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#new-plannedStartOn + .field-error[data-field='plannedStartOn']")));
        assertTrue(error.getText().contains("must not be before signedOn"), error.getText());
        assertEquals("true", field("new-plannedStartOn").getAttribute("aria-invalid"));
        shoot("intake");
        date("new-plannedStartOn", "2023-03-01");
        submit("sign");
        WebElement entered = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sign .notice[data-code]")));
        String code = entered.getAttribute("data-code");
        assertTrue(browser.findElements(By.cssSelector(".field-error")).isEmpty(), "the error is gone once accepted");

        // The dashboard saw the signing.
        browser.switchTo().window(dashboard);
        waitForText("t-signed-count", "1");
        assertEquals("¥1.05B", field("t-signed-value").getText());

        // Status: find the project by its code, start it, refuse a back-dated completion, complete it.
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(landfall.status.url("/"));
        signIn("site-inspector");
        type("q", code);
        submit("find");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#found button"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project")));
        wait.until(d -> new Select(field("u-stage")).getOptions().size() == 4); // none, Started, Suspended, Cancelled
        new Select(field("u-stage")).selectByValue("STARTED");
        date("u-effectiveOn", "2023-04-07");
        type("u-investmentCompleted", "200000000");
        type("u-jobsCreated", "120");
        type("u-progressPercent", "35");
        type("u-note", "Foundation work under way");
        submit("update");
        waitForText("stage", "Started");
        new Select(field("u-stage")).selectByValue("OPERATIONAL");
        date("u-effectiveOn", "2023-04-01");
        submit("update");
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#update .form-problem:not(:empty)")));
        assertTrue(refusal.getText().contains("Conflict"), refusal.getText());
        new Select(field("u-stage")).selectByValue("OPERATIONAL");
        date("u-effectiveOn", "2023-11-20");
        type("u-jobsCreated", "300");
        type("u-investmentCompleted", "980000000");
        submit("update");
        waitForText("stage", "Operational");
        assertEquals(2, browser.findElements(By.cssSelector("#history tbody tr")).size());
        shoot("status");

        // The dashboard followed every write without a reload.
        browser.switchTo().window(dashboard);
        waitForText("t-started", "1");
        waitForText("t-operational", "1");
        waitForText("t-jobs", "300");
        assertEquals("¥980M", field("t-investment").getText());
        assertEquals("yes", js("return window.sameDocument"));

        // The screenshots of the README: the demo's places, grouped by city, on a laptop and on a phone.
        browser.get(landfall.reporting.url("/?from=2022-Q3&to=2023-Q4&groupBy=city&province=Heilongjiang"));
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(d -> !field("t-signed-count").getText().equals("–") && !field("t-signed-count").getText().equals("0"));
        shoot("dashboard");
        browser.manage().window().setSize(new Dimension(390, 844));
        shoot("dashboard-phone");
    }

    static void signIn(String role) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dev-sign-in")));
        new Select(field("dev-role")).selectByValue(role);
        browser.findElement(By.id("dev-sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='signed-in']")));
    }

    static WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    static void type(String id, String text) {
        WebElement e = field(id);
        e.clear();
        e.sendKeys(text);
    }

    /** Date inputs take keys in the browser's locale order; the value property is the ISO date whatever it is. */
    static void date(String id, String iso) {
        js("arguments[0].value = arguments[1]", field(id), iso);
    }

    static void submit(String formId) {
        field(formId).findElement(By.cssSelector("button[type='submit']")).click();
    }

    static void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBe(By.id(id), text));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** The whole page, however long: the window grows to the document's height for the picture. */
    static void shoot(String name) throws java.io.IOException {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
        js("window.dispatchEvent(new Event('resize'))"); // the charts redraw at the new size at once
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(before);
    }
}
