package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.landfall.infra.DemoUser;
import org.landfall.infra.DevTokens;

/**
 * The three pages in headless Chromium against the packaged services, in Chinese (a browser that asks for zh-CN) and
 * in English: an officer enters a key project through the intake form (a refused field shows the server's error
 * beside it; amounts echo their 亿元 as typed), sets its annual plan and corrects it, an inspector posts updates
 * through the status page, and the dashboard, open all along, shows the new figures through its live stream without
 * a reload; a leader reads a place's plan, rates and targets (set by an admin on intake's page), narrows them to its
 * key projects and lists its projects above a contract value (read from intake, another origin). Screenshots of the
 * Chinese pages go to {@code landfall.screenshots} (default e2e-tests/target/screenshots; the README's come from
 * here), of the English ones to e2e-tests/target/screenshots with "-en" added.
 */
class PagesInTheBrowserIT {

    static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();
    static final Path TARGET_SHOTS = ROOT.resolve("e2e-tests/target/screenshots");
    static final Path SHOTS = ROOT.resolve(System.getProperty("landfall.screenshots", "e2e-tests/target/screenshots"));
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static RunningLandfall landfall;
    /** The language of the browser running: zh or en. */
    static String language;
    static WebDriver browser;
    static WebDriverWait wait;
    static Path profile;

    @BeforeAll
    static void startTheServices() throws Exception {
        landfall = RunningLandfall.get();
        landfall.demoData(); // so that the screenshots show something like a real morning
        Files.createDirectories(SHOTS);
        Files.createDirectories(TARGET_SHOTS);
    }

    /**
     * A Chromium whose language is {@code lang}, as a user's would be: its interface ({@code --lang}) and what it
     * asks of sites (intl.accept_languages), both zh-CN or en. The one running is kept if it speaks it already.
     */
    static void speaking(String lang) throws Exception {
        if (lang.equals(language)) {
            return;
        }
        stopTheBrowser();
        String tag = lang.equals("zh") ? "zh-CN" : "en";
        profile = Files.createTempDirectory("landfall-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/lib/chromium/chromium").exists() ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium");
        // Without the background-networking switches Chromium waits for services it cannot reach here.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=" + tag);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang.equals("zh") ? "zh-CN,zh" : "en-US,en",
                "download.default_directory", profile.resolve("downloads").toString(), "download.prompt_for_download", false,
                "profile.default_content_setting_values.automatic_downloads", 1));
        // the console, where Chromium reports what the Content-Security-Policy blocked
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // The machine's chromedriver, named explicitly: Selenium Manager would try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        language = lang;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // the dashboard redraws what it shows on every change
        // The dashboard and the status page read intake (its pick lists, its projects), the dashboard status (its
        // watch list) too, at this run's addresses, not the local run's 8081 and 8082.
        browser.get(landfall.status.url("/"));
        js("localStorage.setItem('landfall.intake', arguments[0])", landfall.intake.url(""));
        browser.get(landfall.reporting.url("/"));
        js("localStorage.setItem('landfall.intake', arguments[0])", landfall.intake.url(""));
        js("localStorage.setItem('landfall.status', arguments[0])", landfall.status.url(""));
        assertEquals(tag, js("return document.documentElement.lang"), "the page follows the browser's language");
    }

    /** The pages load only what the services' Content-Security-Policy allows: nothing was blocked. */
    @AfterEach
    void nothingBrokeTheContentSecurityPolicy() {
        if (browser == null) {
            return;
        }
        List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
        assertEquals(List.of(), blocked, "the pages did what their Content-Security-Policy forbids");
    }

    @AfterAll
    static void stopTheBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
            browser = null;
            language = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            profile = null;
        }
    }

    /** What the page says in the browser's language. */
    static String say(String zh, String en) {
        return language.equals("zh") ? zh : en;
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh"})
    void shouldEnterAContractPostUpdatesAndSeeTheDashboardFollowWithoutReloading(String lang) throws Exception {
        speaking(lang);
        String province = "Browserland " + UUID.randomUUID().toString().substring(0, 6);

        // The dashboard, open on the province before anything happened there: a place outside the national list,
        // typed under "other".
        browser.get(landfall.reporting.url("/?from=2023-Q1&to=2023-Q4&province=" + province.replace(" ", "+")));
        signIn("analyst");
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        waitForText("t-signed-count", "0");
        assertEquals(say("Landfall · 季度报表", "Landfall · Quarterly report"), browser.getTitle());
        assertEquals(say("2023年第一季度", "2023 Q1"), new Select(field("from")).getFirstSelectedOption().getText());
        assertEquals("other", field("place-province").getAttribute("value"));
        assertEquals(province, field("place-province-other").getAttribute("value"));
        String dashboard = browser.getWindowHandle();
        // Lost on any reload: proves the figures below arrive through the stream.
        js("window.sameDocument = 'yes'");

        // Intake: a provincial key project in a park with two phases and the investor's promise, first with a
        // planned start before the signing.
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(landfall.intake.url("/"));
        signIn("intake-officer");
        assertEquals(say("Landfall · 签约项目录入", "Landfall · Contract intake"), browser.getTitle());
        wait.until(d -> new Select(field("new-sector")).getOptions().size() > 1);
        assertEquals(say("新能源", "New energy"), option("new-sector", "new-energy").getText());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-designations-provincial-key"))).click();
        assertEquals(say("省级重点项目", "Provincial key project"), field("new-designations-provincial-key")
                .findElement(By.xpath("..")).getText());
        type("new-park", "Tabside Battery Park");
        type("new-expectedAnnualSales", "1,500,000,000"); // grouped, as officers copy amounts from the articles
        assertEquals(say("= 15亿元", "= ¥1.5B"), field("new-expectedAnnualSales-echo").getText());
        type("new-name", "Browser battery project " + province);
        type("new-investor", "Pages Co., Ltd.");
        // The place is picked from the national list, level by level, named in the page's language...
        pick("new-province", "230000", say("黑龙江省", "Heilongjiang"));
        pick("new-city", "230500", say("双鸭山市", "Shuangyashan"));
        pick("new-district", "230523", say("宝清县", "Baoqing"));
        // ... or typed where it is not on it.
        pick("new-province", "other", say("其他（手动填写）", "Other (type it)"));
        type("new-province-other", province);
        type("new-city-other", "Pageton");
        type("new-district-other", "Tabside");
        new Select(field("new-sector")).selectByValue("new-energy");
        date("new-signedOn", "2023-02-15");
        type("new-contractValue", "1050000000");
        assertEquals(say("= 10.5亿元", "= ¥1.05B"), field("new-contractValue-echo").getText());
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
        assertEquals(serverMessage("POST", "/api/projects", "{\"name\": \"x\", \"investor\": \"y\", \"province\": \"p\", "
                + "\"city\": \"c\", \"sector\": \"new-energy\", \"signedOn\": \"2023-02-15\", \"contractValue\": 1, "
                + "\"plannedStartOn\": \"2023-01-01\"}", "plannedStartOn"), error.getText());
        if (language.equals("en")) {
            assertTrue(error.getText().contains("must not be before signedOn"), error.getText());
        }
        assertEquals("true", field("new-plannedStartOn").getAttribute("aria-invalid"));
        shoot("intake");
        date("new-plannedStartOn", "2023-03-01");
        submit("sign");
        WebElement entered = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sign .notice[data-code]")));
        String code = entered.getAttribute("data-code");
        String id = entered.getAttribute("data-id");
        assertTrue(browser.findElements(By.cssSelector(".field-error")).isEmpty(), "the error is gone once accepted");
        JsonPath stored = intake("/api/projects/" + id);
        assertEquals(List.of("provincial-key"), stored.getList("designations"));
        assertEquals("Tabside Battery Park", stored.getString("park"));
        assertEquals(1500000000L, stored.getLong("expectedAnnualSales"));
        assertNull(stored.get("expectedAnnualTax"));

        // Its plan for the year, from the signing's notice: a negative amount is refused beside its field.
        entered.findElement(By.id("new-plans")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plans")));
        expect(say("尚无年度计划。", "No plans yet."), () -> field("plan-list").findElement(By.tagName("tbody")).getText().trim());
        type("plan-year", "2023");
        type("plan-plannedInvestment", "-5");
        submit("plan");
        WebElement planError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#plan-plannedInvestment + .field-error[data-field='plannedInvestment']")));
        // The message is the server's, in the language the page asked for.
        assertEquals(serverMessage("PUT", "/api/projects/" + id + "/plans/2023", "{\"plannedInvestment\": -5}",
                "plannedInvestment"), planError.getText());
        if (language.equals("en")) {
            assertEquals("must be 0 or more", planError.getText());
        }
        type("plan-plannedInvestment", "600,000,000");
        assertEquals(say("= 6亿元", "= ¥600M"), field("plan-plannedInvestment-echo").getText());
        field("plan-startPlanned").click();
        submit("plan");
        expect(say("600,000,000元", "¥600,000,000"), () -> planCell("2023", "investment"));
        assertEquals(say("是", "Yes"), planCell("2023", "start"));
        assertTrue(browser.findElements(By.cssSelector("#plan .field-error")).isEmpty(), "the error is gone once saved");
        JsonPath plans = intake("/api/projects/" + id + "/plans");
        assertEquals(1, plans.getList("$").size());
        assertEquals(2023, plans.getInt("[0].year"));
        assertEquals(600000000L, plans.getLong("[0].plannedInvestment"));
        assertTrue(plans.getBoolean("[0].startPlanned"));

        // Found by a search (the demo's later signings fill the recent list) and corrected: the form shows what was
        // entered, and only what was changed on it changes.
        type("q", province);
        submit("search");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#projects tr[data-code='" + code + "'] button[data-action='correct']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("correction")));
        wait.until(d -> province.equals(field("fix-province-other").getAttribute("value")));
        assertTrue(field("fix-designations-provincial-key").isSelected());
        assertEquals("Tabside Battery Park", field("fix-park").getAttribute("value"));
        assertEquals("1500000000", field("fix-expectedAnnualSales").getAttribute("value"));
        field("fix-designations-municipal-key").click();
        type("fix-expectedAnnualTax", "100000000");
        type("fix-reason", "The municipal list and the promised tax were left out");
        submit("fix");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#fix .notice"),
                say("现为第 2 版", "now revision 2")));
        expect("designations, expectedAnnualTax", () -> {
            String shown = field("corrections").getText();
            int open = Math.max(shown.lastIndexOf('('), shown.lastIndexOf('（'));
            return open >= 0 ? shown.substring(open + 1, shown.length() - 1) : shown;
        });
        JsonPath corrected = intake("/api/projects/" + id);
        assertEquals(List.of("provincial-key", "municipal-key"), corrected.getList("designations"));
        assertEquals(100000000L, corrected.getLong("expectedAnnualTax"));
        assertEquals("Tabside Battery Park", corrected.getString("park"));

        // The dashboard saw the signing.
        browser.switchTo().window(dashboard);
        waitForText("t-signed-count", "1");
        assertEquals(say("10.5亿元", "¥1.05B"), field("t-signed-value").getText());
        assertEquals(say("1,050,000,000元", "¥1,050,000,000"), field("t-signed-value").getAttribute("title"));

        // Status: find the project by its code, start it, refuse a back-dated completion, complete it.
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(landfall.status.url("/"));
        signIn("site-inspector");
        field("tab-find").click();
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
        waitForText("stage", say("开工", "Started"));
        assertEquals(say("2023年4月7日", "Apr 7, 2023"), field("history").findElement(By.cssSelector("tbody td")).getText());
        new Select(field("u-stage")).selectByValue("OPERATIONAL");
        assertEquals(say("投产", "Operational"), new Select(field("u-stage")).getFirstSelectedOption().getText());
        date("u-effectiveOn", "2023-04-01");
        submit("update");
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#update .form-problem:not(:empty)")));
        assertTrue(refusal.getText().contains(say("现可转为：", "Allowed next: ")), refusal.getText());
        new Select(field("u-stage")).selectByValue("OPERATIONAL");
        date("u-effectiveOn", "2023-11-20");
        type("u-jobsCreated", "300");
        type("u-investmentCompleted", "980000000");
        submit("update");
        waitForText("stage", say("投产", "Operational"));
        assertEquals(2, browser.findElements(By.cssSelector("#history tbody tr")).size());
        shoot("status");

        // The switch to the other language is remembered: the page comes back in it, and goes back on a second click.
        String other = say("en", "zh-CN");
        field("language").click();
        wait.until(d -> other.equals(js("return document.documentElement.lang")));
        waitForText("stage", say("Operational", "投产"));
        field("language").click();
        wait.until(d -> say("zh-CN", "en").equals(js("return document.documentElement.lang")));
        waitForText("stage", say("投产", "Operational"));

        // The dashboard followed every write without a reload.
        browser.switchTo().window(dashboard);
        waitForText("t-started", "1");
        waitForText("t-operational", "1");
        waitForText("t-jobs", "300");
        assertEquals(say("9.8亿元", "¥980M"), field("t-investment").getText());
        assertEquals("yes", js("return window.sameDocument"));

        // The screenshots of the README: the demo's Shuangyashan as its leaders read it in mid-2023, their key
        // projects' plan as the seed articles publish it (201 projects, 16.6 billion yuan planned, 107 of them
        // started with 5.8 billion), on a laptop and on a phone.
        browser.get(landfall.reporting.url("/?from=2022-Q3&to=2023-Q2&province=Heilongjiang&city=Shuangyashan"
                + "&designation=provincial-key,municipal-key"));
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        useIntake();
        expect("230500", () -> field("place-city").getAttribute("value")); // the address's pinyin picks the city from the list
        waitForText("p-planned-count", "201");
        waitForText("p-planned-investment", say("166亿元", "¥16.6B"));
        waitForText("p-planned-started", "107");
        waitForText("p-planned-started-investment", say("58亿元", "¥5.8B"));
        wait.until(d -> !listedCodes().isEmpty());
        shoot("dashboard");
        browser.manage().window().setSize(new Dimension(390, 844));
        shoot("dashboard-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh"})
    void shouldShowAPlacesPlanRatesAndTargetsNarrowedToItsKeyProjectsAndListItsProjectsAboveAValue(String lang) throws Exception {
        speaking(lang);
        // The worked example of the contract's "Plans, key projects and rates", in a province of its own: A and B
        // provincial key projects of one park, C a municipal one outside any park.
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String province = "Planland " + suffix;
        String park = "Planland Park " + suffix;
        String officer = DevTokens.token("officer-e2e-pages", "intake-officer");
        String inspector = DevTokens.token("inspector-e2e-pages", "site-inspector");
        JsonPath a = sign(officer, province, "A", "2023-10-01", "2024-02-01", "150000000", "provincial-key", park);
        JsonPath b = sign(officer, province, "B", "2023-11-01", "2024-04-01", "250000000", "provincial-key", park);
        JsonPath c = sign(officer, province, "C", "2023-06-01", "2023-09-01", "1200000000", "municipal-key", null);
        plan(officer, a, "100000000", true);
        plan(officer, b, "200000000", true);
        plan(officer, c, "300000000", false);
        update(inspector, c, "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-09-10\"}");
        update(inspector, c, "{\"investmentCompleted\": 50000000, \"effectiveOn\": \"2023-12-31\"}");
        update(inspector, c, "{\"investmentCompleted\": 120000000, \"effectiveOn\": \"2024-03-31\"}");
        update(inspector, a, "{\"stage\": \"STARTED\", \"effectiveOn\": \"2024-03-01\"}");
        update(inspector, a, "{\"investmentCompleted\": 10000000, \"effectiveOn\": \"2024-03-31\"}");
        setTargetsThroughTheIntakePage(province);
        // What the page reads once reporting has applied all of it: the page itself is not waited for.
        String analyst = DevTokens.token("analyst-e2e-pages", "analyst");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2024-Q1").queryParam("to", "2024-Q1").queryParam("province", province)
                .get(landfall.reporting.url("/api/reports/quarterly")).then().statusCode(200).extract().jsonPath(),
                r -> Integer.valueOf(3).equals(r.get("rows[0].planned.count")) && r.get("rows[0].targetCompletion.starts") != null
                        && Integer.valueOf(1).equals(r.get("rows[0].ytd.starts")));

        String before = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB); // a tab of its own: no session of another test's dashboard
        try {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(landfall.reporting.url("/?from=2024-Q1&to=2024-Q1&province=" + URLEncoder.encode(province, StandardCharsets.UTF_8)));
            signIn("analyst");

            // The rates beside what they are made of, the plan, and the year against its targets.
            waitForText("p-start-rate", "50.0%");
            waitForText("p-investment-rate", "13.3%");
            waitForText("p-fulfilment-rate", "100.0%");
            waitForText("p-planned-count", "3");
            waitForText("p-planned-investment", say("6亿元", "¥600M"));
            waitForText("p-planned-starts", "2");
            waitForText("p-planned-started", "2");
            waitForText("p-planned-started-investment", say("4亿元", "¥400M"));
            expect("1", () -> yearCell("starts", "ytd"));
            expect("—", () -> yearCell("starts", "yoy")); // nothing started in the first quarter of 2023
            expect("≈ 4", () -> yearCell("starts", "target"));
            expect("25.0%", () -> yearCell("starts", "completion"));
            expect("25", () -> browser.findElement(By.cssSelector("#year tr[data-figure='starts'] [role='progressbar']"))
                    .getAttribute("aria-valuenow"));
            expect(say("8000万元", "¥80M"), () -> yearCell("investmentCompleted", "ytd"));
            expect(say("≈ 10亿元", "≈ ¥1B"), () -> yearCell("investmentCompleted", "target"));
            expect("8.0%", () -> yearCell("investmentCompleted", "completion"));
            expect(say("无目标", "no target"), () -> yearCell("signedValue", "target")); // the province's target names none
            wait.until(d -> listedCodes().equals(Set.of(a.getString("code"), b.getString("code"), c.getString("code"))));

            // Provincial key projects only: A and B.
            new Select(field("designation")).selectByValue("provincial-key");
            submit("filters");
            waitForText("p-planned-count", "2");
            waitForText("p-planned-investment", say("3亿元", "¥300M"));
            waitForText("p-start-rate", "50.0%");
            waitForText("p-investment-rate", "3.3%");
            wait.until(d -> listedCodes().equals(Set.of(a.getString("code"), b.getString("code"))));

            // All projects again, listed from a billion yuan: C alone.
            new Select(field("designation")).selectByValue("");
            submit("filters");
            new Select(field("band")).selectByValue("1000000000");
            wait.until(d -> listedCodes().equals(Set.of(c.getString("code"))));
            assertTrue(browser.getCurrentUrl().contains("band=1000000000"), browser.getCurrentUrl());

            // By park: the park's two planned projects, and C outside any park.
            new Select(field("groupBy")).selectByValue("park");
            submit("filters");
            expect("2", () -> planGroupCell(park, 1));
            expect("1", () -> planGroupCell("", 1)); // outside any park
            expect(say("（无）", "(none)"), () -> browser.findElement(By.cssSelector("#plan-groups tr[data-group=''] th")).getText());
        } finally {
            browser.close();
            browser.switchTo().window(before);
        }
    }

    /**
     * The dashboard's lights: in a city of Qinghai of its own (a name of no code in a province with one, as an officer
     * types a place the list lacks), a project 200 days past its planned start (red) and one 10 days past it
     * (yellow), and in another city one on time. Grouped by city, each group shows its red and yellow counts from
     * status's watch list (read across origins); a count leads to its projects, listed on the dashboard with their
     * reasons, each linked to its status on the status page.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh"})
    void shouldCountEachGroupsRedAndYellowProjectsAndLeadToThem(String lang) throws Exception {
        speaking(lang);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String late = "Lightcity " + suffix, onTime = "Darkcity " + suffix;
        String officer = DevTokens.token("officer-e2e-lights", "intake-officer");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        JsonPath red = plannedToStart(officer, late, "Red", today.minusDays(400), today.minusDays(200));
        JsonPath yellow = plannedToStart(officer, late, "Yellow", today.minusDays(400), today.minusDays(10));
        plannedToStart(officer, onTime, "On time", today.minusDays(400), today.plusDays(30));
        String analyst = DevTokens.token("analyst-e2e-lights", "analyst");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(analyst)
                .queryParam("province", "Qinghai").queryParam("city", late)
                .get(landfall.status.url("/api/watchlist")).then().statusCode(200).extract().jsonPath().getInt("total"), n -> n == 2);
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", quarter).queryParam("to", quarter).queryParam("regionCode", "630000")
                .queryParam("groupBy", "city").get(landfall.reporting.url("/api/reports/quarterly")).then().statusCode(200)
                .extract().jsonPath().getList("rows.group.city", String.class), cities -> cities.containsAll(List.of(late, onTime)));

        String before = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(landfall.reporting.url("/?from=" + quarter + "&to=" + quarter + "&regionCode=630000&groupBy=city"));
            signIn("analyst");
            String lateGroup = "Qinghai / " + late;
            expect("1", () -> lightCell(lateGroup, "red"));
            expect("1", () -> lightCell(lateGroup, "yellow"));
            expect("0", () -> lightCell("Qinghai / " + onTime, "red"));
            expect("0", () -> lightCell("Qinghai / " + onTime, "yellow"));

            // A count leads to its projects: the red one, with its reason and a link to its status.
            browser.findElement(By.cssSelector("#attention-groups tr[data-group='" + lateGroup + "'] a.light.red")).click();
            wait.until(d -> watchListed().equals(List.of(red.getString("code"))));
            // A city of no code is named as typed, in either language.
            String title = field("attention-list-title").getText();
            assertTrue(title.startsWith(say(lateGroup + "：红灯项目。", "Red: " + lateGroup + ".")), title);
            WebElement line = browser.findElement(By.cssSelector("#watch-list tbody tr"));
            String reason = line.findElement(By.cssSelector("ul.reasons li")).getText();
            assertTrue(reason.startsWith(say("逾期未开工 自", "Not started after its planned start since")), reason);
            assertEquals(landfall.status.url("/?project=" + red.getString("id")),
                    line.findElement(By.cssSelector("a")).getAttribute("href"));
            browser.findElement(By.cssSelector("#attention-groups tr[data-group='" + lateGroup + "'] a.light.yellow")).click();
            wait.until(d -> watchListed().equals(List.of(yellow.getString("code"))));
        } finally {
            browser.close();
            browser.switchTo().window(before);
        }
    }

    /** A contract in a city of Qinghai that the national list lacks, with a start planned on {@code plannedStartOn}. */
    static JsonPath plannedToStart(String officer, String city, String name, LocalDate signedOn, LocalDate plannedStartOn) {
        String body = "{\"name\": \"Lights project " + name + " " + city + "\", \"investor\": \"Lights Co., Ltd.\", "
                + "\"province\": \"Qinghai\", \"city\": \"" + city + "\", \"sector\": \"new-energy\", "
                + "\"signedOn\": \"" + signedOn + "\", \"contractValue\": 80000000, \"plannedStartOn\": \"" + plannedStartOn + "\"}";
        return given().auth().oauth2(officer).contentType(ContentType.JSON).body(body)
                .post(landfall.intake.url("/api/projects")).then().statusCode(201).extract().jsonPath();
    }

    /** The count of a group's line of lights at {@code level} (red, yellow); "" while it is being counted or absent. */
    static String lightCell(String group, String level) {
        return browser.findElements(By.cssSelector("#attention-groups tr[data-group='" + group + "'] td." + level)).stream()
                .map(td -> td.getText().trim()).findFirst().orElse("");
    }

    static List<String> watchListed() {
        return browser.findElements(By.cssSelector("#attention-list:not([hidden]) #watch-list tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-code")).toList();
    }

    /**
     * A leader's first look: the dashboard opens on the four quarters up to the last that holds data, not on the
     * calendar's. The map of China shows the figure chosen by province: Qinghai's own contracts, in 2016, where no
     * other test and no demo project signs any, in its tooltip and its table; a click on Qinghai narrows the
     * dashboard to it. Where reporting holds no data at all, the dashboard opens on the calendar's quarters, and
     * says nothing is wrong.
     */
    @Test
    void shouldOpenOnTheQuartersThatHoldDataAndMapTheChosenFigureByProvince() throws Exception {
        speaking("en");
        String officer = DevTokens.token("officer-e2e-map", "intake-officer");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        JsonPath big = contract(officer, "Qinghai", "Map project A " + suffix, "2016-05-10", "1200000");
        contract(officer, "Qinghai", "Map project B " + suffix, "2016-08-20", "300000");
        update(DevTokens.token("inspector-e2e-map", "site-inspector"), big,
                "{\"stage\": \"STARTED\", \"effectiveOn\": \"2016-09-01\"}");
        String analyst = DevTokens.token("analyst-e2e-map", "analyst");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2016-Q1").queryParam("to", "2016-Q4")
                .get(landfall.reporting.url("/api/reports/quarterly")).then().statusCode(200).extract().jsonPath(),
                r -> r.getList("rows.signed.contractValue", Number.class).stream().mapToLong(Number::longValue).sum() == 1500000L
                        && r.getList("rows.started.count", Integer.class).stream().mapToInt(Integer::intValue).sum() == 1);
        String last = given().auth().oauth2(analyst).get(landfall.reporting.url("/api/reports/quarters"))
                .then().statusCode(200).extract().path("last");

        String before = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(landfall.reporting.url("/"));
            signIn("analyst");
            expect(last, () -> field("to").getAttribute("value"));
            expect(quarterBefore(last, 3), () -> field("from").getAttribute("value"));
            expect(4, () -> browser.findElements(By.cssSelector("#rows tbody tr")).size());

            // 2016 by province: Qinghai's contract value signed, on the map and in its table.
            new Select(field("from")).selectByValue("2016-Q1");
            new Select(field("to")).selectByValue("2016-Q4");
            submit("filters");
            expect("¥1,500,000", () -> mapCell("630000"));
            assertTrue(browser.findElements(By.cssSelector("#map svg path")).size() >= 34, "a shape for each province");
            js("echarts.getInstanceByDom(document.getElementById('map'))"
                    + ".dispatchAction({type: 'showTip', seriesIndex: 0, name: 'Qinghai'})");
            expect("Qinghai\nContract value signed: ¥1.5M", () -> (String) js("return [...document.querySelectorAll('#map > div')]"
                    + ".map(d => d.innerText.trim()).filter(t => t.startsWith('Qinghai')).join()"));
            new Select(field("map-figure")).selectByValue("started");
            expect("1", () -> mapCell("630000"));

            // A click on Qinghai (a point well inside it) narrows the dashboard to the province. The map in full
            // view, so that the offset from its centre is the offset from the centre of what is seen.
            WebElement map = field("map");
            js("arguments[0].scrollIntoView({block: 'center'})", map);
            @SuppressWarnings("unchecked")
            List<Number> point = (List<Number>) js("return echarts.getInstanceByDom(document.getElementById('map'))"
                    + ".convertToPixel({seriesIndex: 0}, [96, 35.5])");
            new Actions(browser).moveToElement(map, point.get(0).intValue() - map.getSize().getWidth() / 2,
                    point.get(1).intValue() - map.getSize().getHeight() / 2).click().perform();
            expect("630000", () -> field("place-province").getAttribute("value"));
            waitForText("t-signed-value", "¥1.5M");
            waitForText("t-started", "1");
            assertTrue(browser.getCurrentUrl().contains("630000"), browser.getCurrentUrl());

            // No data at all: reporting's answer as for a new installation, in this tab only.
            ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "const fetched = window.fetch; window.fetch = (url, options) => String(url).endsWith('/api/reports/quarters')"
                            + " ? Promise.resolve(new Response('{\"first\": null, \"last\": null}',"
                            + " {headers: {'Content-Type': 'application/json'}})) : fetched(url, options);"));
            browser.get(landfall.reporting.url("/"));
            wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
            int today = LocalDate.now().getYear() * 4 + (LocalDate.now().getMonthValue() - 1) / 3;
            expect(quarterName(today), () -> field("to").getAttribute("value"));
            assertEquals(quarterBefore(quarterName(today), 3), field("from").getAttribute("value"));
            expect(4, () -> browser.findElements(By.cssSelector("#rows tbody tr")).size());
            assertEquals("", browser.findElement(By.cssSelector("#filters .form-problem")).getText());
        } finally {
            browser.close();
            browser.switchTo().window(before);
        }
    }

    /**
     * An officer imports a workbook through intake's page. One line signed in the future refuses the file: the
     * page shows the upload's progress, and the line beside the server's message in the browser's language;
     * nothing is stored. More errors than the server lists are counted ("and N more"). The file put right imports,
     * and the page names the codes of the contracts it entered. The templates and the ledger download with the
     * officer's token, named in the page's language.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh"})
    void shouldShowEachRefusedLineOfAnImportedWorkbookBesideItsErrorAndThenImportIt(String lang) throws Exception {
        speaking(lang);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<Object> header = List.of("项目名称 / name", "投资方 / investor", "province", "city", "sector", "signedOn",
                "contractValue");
        IntFunction<List<Object>> line = n -> List.of("Sheet project " + n + " " + suffix,
                "Sheets Co., Ltd.", "黑龙江省", "鸡西市", "new-energy", "2023-05-0" + (1 + n % 9), 1000000 * n);
        List<Object> future = List.of("Sheet project 2 " + suffix, "Sheets Co., Ltd.", "黑龙江省", "鸡西市", "new-energy",
                "2999-01-01", 2000000);
        Path bad = workbook("contracts-" + lang + "-refused.xlsx", List.of(header, line.apply(1), future, line.apply(3)));
        String message = given().auth().oauth2(DevTokens.token("officer-e2e-pages", "intake-officer"))
                .header("Accept-Language", say("zh-CN", "en")).contentType(XLSX).body(Files.readAllBytes(bad))
                .post(landfall.intake.url("/api/projects/imports")).then().statusCode(422).extract()
                .path("errors.find { it.line == 3 && it.field == 'signedOn' }.message");
        assertTrue(message.startsWith(say("不能晚于今天", "must not be in the future")), message);

        String before = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(landfall.intake.url("/"));
            signIn("intake-officer");
            assertEquals(say("导入电子表格", "Import a spreadsheet"), field("import-title").getText());
            field("import-file").sendKeys(bad.toString());
            submit("import");
            WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#import-errors tbody tr[data-line='3']")));
            assertEquals(List.of("3", "signedOn", message), refused.findElements(By.tagName("td")).stream()
                    .map(WebElement::getText).toList());
            assertEquals(1, browser.findElements(By.cssSelector("#import-errors tbody tr")).size());
            assertEquals(say("行", "Line"), browser.findElement(By.cssSelector("#import-errors th")).getText());
            assertEquals("100", field("import-progress").getAttribute("value"), "the whole file went up");
            assertTrue(field("import-progress").isDisplayed());
            assertEquals("", field("import-more").getText());
            assertEquals(0, intake("/api/projects?q=" + suffix).getInt("total"), "nothing of a refused file is stored");

            // More errors than the server lists: the first hundred, and how many more.
            List<List<Object>> many = new ArrayList<>(List.of(header));
            for (int n = 1; n <= 102; n++) {
                many.add(List.of("Sheet project " + n + " " + suffix, "Sheets Co., Ltd.", "黑龙江省", "鸡西市",
                        "new-energy", "2999-01-01", 1000000));
            }
            field("import-file").sendKeys(workbook("contracts-" + lang + "-many.xlsx", many).toString());
            submit("import");
            waitForText("import-more", say("另有 2 处错误未列出。", "And 2 more errors, not listed."));
            assertEquals(100, browser.findElements(By.cssSelector("#import-errors tbody tr")).size());

            // Put right, the file imports: the page names each contract's code.
            Path good = workbook("contracts-" + lang + ".xlsx", List.of(header, line.apply(1), line.apply(2), line.apply(3)));
            field("import-file").sendKeys(good.toString());
            submit("import");
            WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#import .notice[data-count]")));
            assertEquals("3", notice.getAttribute("data-count"));
            assertTrue(notice.getText().startsWith(say("已从 contracts-zh.xlsx 导入 3 份合同：", "Imported 3 contracts from contracts-en.xlsx:")),
                    notice.getText());
            assertTrue(browser.findElement(By.id("import-refused")).getAttribute("hidden") != null, "the refused lines are gone");
            JsonPath imported = intake("/api/projects?q=" + suffix);
            assertEquals(3, imported.getInt("total"));
            assertEquals(Set.copyOf(imported.getList("items.code", String.class)), notice.findElements(By.cssSelector(".codes li"))
                    .stream().map(WebElement::getText).collect(Collectors.toSet()));

            // The templates and the ledger of the contracts found, named in the page's language.
            field("template-xlsx").click();
            assertTrue(isWorkbook(downloaded(say("合同导入模板", "contracts-template"), ".xlsx")));
            field("template-csv").click();
            assertTrue(Files.readString(downloaded(say("合同导入模板", "contracts-template"), ".csv")).startsWith("\uFEFF项目名称 / name,"));
            type("q", suffix);
            field("ledger-xlsx").click();
            assertTrue(isWorkbook(downloaded(say("项目台账-", "projects-"), ".xlsx")));
        } finally {
            browser.close();
            browser.switchTo().window(before);
        }
    }

    /**
     * An inspector's morning on the status page: the projects of the area that need attention (the demo's Lishui:
     * one blocker open for 120 days, red, then two open for 60 and 40 days, yellow, each reason in words), then a
     * project of an area outside the national list, typed: a blocker raised (a blank field refused beside it by the
     * server's message) and resolved, an update with a milestone and a photo from the camera (a real PNG, shown as a
     * thumbnail and stored byte for byte; a text file refused), and the quarterly round (a refused figure beside its
     * field, then the row recorded). The Chinese needs-attention screen on a phone is the README's screenshot.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh"})
    void shouldListWhatNeedsAttentionRaiseAndResolveABlockerAttachAPhotoAndPostTheRound(String lang) throws Exception {
        speaking(lang);
        String province = "Watchland " + UUID.randomUUID().toString().substring(0, 6);
        String officer = DevTokens.token("officer-e2e-watch", "intake-officer");
        String inspector = DevTokens.token("inspector-e2e-watch", "site-inspector");
        LocalDate today = LocalDate.now(); // the browser's today, on this machine: the page's default dates
        JsonPath late = sign(officer, province, "late", "2025-01-10", "2025-03-01", "800000000", "municipal-key", null);
        String id = late.getString("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(inspector).queryParam("province", province)
                .get(landfall.status.url("/api/watchlist")).then().statusCode(200).extract().<Integer>path("total"), n -> n == 1);

        String before = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.manage().window().setSize(new Dimension(1280, 900));
            // The page starts on no area remembered.
            browser.get(landfall.status.url("/"));
            js("localStorage.removeItem('landfall.status.area')");
            browser.navigate().refresh();
            signIn("site-inspector");
            assertEquals("true", field("tab-attention").getAttribute("aria-selected"), "needs attention comes first");

            // The demo's Lishui, picked from the national list: red before yellow, each reason in the page's language.
            pick("area-province", "320000", say("江苏省", "Jiangsu"));
            pick("area-city", "320100", say("南京市", "Nanjing"));
            pick("area-district", "320117", say("溧水区", "Lishui"));
            wait.until(ExpectedConditions.attributeToBe(By.id("watch"), "data-area", "regionCode=320117"));
            expect(List.of("red", "yellow", "yellow"), () -> watched("data-level"));
            List<WebElement> items = browser.findElements(By.cssSelector("#watch > li"));
            assertTrue(items.get(0).getText().contains("Lishui major project No. 21"), items.get(0).getText());
            assertTrue(items.get(1).getText().contains("Lishui major project No. 22"), items.get(1).getText());
            assertTrue(items.get(2).getText().contains("Lishui major project No. 23"), items.get(2).getText());
            WebElement reason = items.get(0).findElement(By.cssSelector("[data-reason='OPEN_BLOCKER']"));
            assertTrue(reason.getText().contains(say("问题久未解决", "A blocker still open")), reason.getText());
            assertTrue(reason.getText().contains(say("提出的用地问题，责任方：", "land blocker raised on")), reason.getText());
            assertTrue(items.get(0).findElement(By.cssSelector(".where")).getText().contains(say("江苏省 · 南京市 · 溧水区",
                    "Jiangsu · Nanjing · Lishui")), items.get(0).getText());
            assertEquals(say("3 个项目需要关注，其中红灯 1 个。", "3 projects need attention (1 red)."),
                    field("attention-count").getText());
            new Select(field("level")).selectByValue("yellow");
            expect(List.of("yellow", "yellow"), () -> watched("data-level"));
            new Select(field("level")).selectByValue("");
            expect(List.of("red", "yellow", "yellow"), () -> watched("data-level"));
            if (language.equals("zh")) {
                js("document.activeElement.blur()");
                browser.manage().window().setSize(new Dimension(390, 844));
                shoot("status-attention-phone");
                browser.manage().window().setSize(new Dimension(1280, 900));
            }

            // An area outside the national list, typed; remembered when the page comes back.
            pick("area-province", "other", say("其他（手动填写）", "Other (type it)"));
            field("area-province-other").sendKeys(province, Keys.TAB);
            wait.until(ExpectedConditions.attributeToBe(By.id("watch"), "data-area", "province=" + province.replace(' ', '+')));
            expect(List.of(late.getString("code")), () -> watched("data-code"));
            browser.navigate().refresh();
            expect(List.of(late.getString("code")), () -> watched("data-code"));
            assertEquals(province, field("area-province-other").getAttribute("value"));
            assertEquals(List.of("NOT_STARTED_PAST_PLANNED_START"), reasons(late.getString("code")));
            browser.findElement(By.cssSelector("#watch li[data-code='" + late.getString("code") + "'] button.open")).click();
            waitForText("stage", say("签约", "Signed"));

            // A blocker: a blank description and owner are refused beside their fields, with the server's words.
            field("raise-box").findElement(By.tagName("summary")).click();
            new Select(field("b-kind")).selectByValue("power");
            date("b-raisedOn", today.minusDays(40).toString());
            submit("raise");
            WebElement blank = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#b-owner + .field-error[data-field='owner']")));
            assertEquals(serverMessage("POST", landfall.status.url("/api/projects/" + id + "/blockers"), inspector,
                    "{\"kind\": \"power\", \"description\": \"x\", \"owner\": \" \", \"raisedOn\": \"" + today + "\"}", "owner"),
                    blank.getText());
            assertEquals("true", field("b-description").getAttribute("aria-invalid"));
            type("b-description", say("设备安装等待供电方案", "Equipment installation waits for the power-supply plan"));
            type("b-owner", "State Grid Watchland");
            submit("raise");
            WebElement open = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#blockers li.blocker.open")));
            assertTrue(open.getText().contains("State Grid Watchland"), open.getText());
            assertTrue(open.getText().contains(say("电力", "Power")), open.getText());
            expect(List.of("NOT_STARTED_PAST_PLANNED_START", "OPEN_BLOCKER"), () -> reasons(late.getString("code")));
            JsonPath raised = status(id, inspector);
            assertEquals("power", raised.getString("blockers[0].kind"));
            assertEquals(today.minusDays(40).toString(), raised.getString("blockers[0].raisedOn"));
            assertNull(raised.get("blockers[0].resolvedOn"));

            // ... and resolved: off the watch list's reasons.
            String blocker = raised.getString("blockers[0].id");
            open.findElement(By.tagName("summary")).click();
            type("resolve-" + blocker + "-note", say("供电方案已批复", "Power-supply plan approved"));
            submit("resolve-" + blocker);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#blockers li.blocker.resolved")));
            expect(List.of("NOT_STARTED_PAST_PLANNED_START"), () -> reasons(late.getString("code")));
            JsonPath resolved = status(id, inspector);
            assertEquals(today.toString(), resolved.getString("blockers[0].resolvedOn"));
            assertEquals(say("供电方案已批复", "Power-supply plan approved"), resolved.getString("blockers[0].note"));

            // An update with a milestone and a photo from the camera: a real PNG, made here.
            Path png = Files.createTempFile("landfall-site", ".png");
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 64; x++) {
                for (int y = 0; y < 48; y++) {
                    image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
                }
            }
            javax.imageio.ImageIO.write(image, "png", png.toFile());
            assertEquals("image/*", field("u-photos").getAttribute("accept"));
            assertEquals("environment", field("u-photos").getAttribute("capture"), "a phone opens its camera");
            type("u-note", say("现场核查：土地已平整", "Site visit: the land is levelled"));
            field("u-milestone-land-acquired").click();
            field("u-photos").sendKeys(png.toString());
            submit("update");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#update .notice"),
                    say("已上传 1 张照片。", "1 photo stored.")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#milestones-reached [data-milestone='land-acquired']")));
            wait.until(d -> ((Number) js("const img = document.querySelector('#history img.thumb');"
                    + " return img ? img.naturalWidth : 0")).intValue() == 64);
            JsonPath visited = status(id, inspector);
            assertEquals(List.of("land-acquired"), visited.getList("history[0].milestones"));
            String update = visited.getString("history[0].id");
            String evidence = visited.getString("history[0].evidence[0]");
            byte[] stored = given().auth().oauth2(inspector).get(landfall.status.url("/api/projects/" + id + "/updates/" + update
                    + "/evidence/" + evidence)).then().statusCode(200).contentType("image/png").extract().asByteArray();
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(png), stored), "the photo comes back byte for byte");
            // A text file is no photo: refused, named, nothing stored.
            Path text = Files.createTempFile("landfall-note", ".txt");
            Files.writeString(text, "not a photo");
            browser.findElement(By.cssSelector("#history tr[data-update-id='" + update + "'] input[type='file']")).sendKeys(text.toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#history tr[data-update-id='" + update + "'] .refused li[data-file='" + text.getFileName() + "']")));
            assertEquals(1, status(id, inspector).getList("history[0].evidence").size());

            // The quarterly round: the area's project in a row; a refused figure beside its field, then recorded.
            field("tab-round").click();
            String row = "#round-table tr[data-code='" + late.getString("code") + "']";
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(row)));
            assertEquals(1, browser.findElements(By.cssSelector("#round-table tbody tr")).size());
            WebElement investment = browser.findElement(By.cssSelector(row + " input[name='investmentCompleted']"));
            investment.sendKeys("-5");
            browser.findElement(By.cssSelector(row + " input[name='jobsCreated']")).sendKeys("25");
            submit("round-form");
            WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    row + " .field-error[data-field='investmentCompleted']")));
            assertEquals(serverMessage("POST", landfall.status.url("/api/projects/" + id + "/updates"), inspector,
                    "{\"effectiveOn\": \"" + today + "\", \"investmentCompleted\": -5}", "investmentCompleted"), refused.getText());
            investment.clear();
            investment.sendKeys("350000000");
            browser.findElement(By.cssSelector(row + " input[name='fundsInPlace']")).sendKeys("400,000,000");
            assertEquals(say("= 4亿元", "= ¥400M"), browser.findElement(By.cssSelector(row + " input[name='fundsInPlace'] ~ .echo")).getText());
            submit("round-form");
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector(row), "data-result", "ok"));
            assertTrue(browser.findElements(By.cssSelector(row + " .field-error")).isEmpty(), "the error is gone once recorded");
            JsonPath round = status(id, inspector);
            assertEquals(2, round.getList("history").size(), "one update for the row, none for the refusal");
            assertEquals(350000000L, round.getLong("investmentCompleted"));
            assertEquals(400000000L, round.getLong("fundsInPlace"));
            assertEquals(25, round.getInt("jobsCreated"));
        } finally {
            browser.close();
            browser.switchTo().window(before);
        }
    }

    /** An attribute of each project of the needs-attention list, in its order. */
    static List<String> watched(String attribute) {
        return browser.findElements(By.cssSelector("#watch > li")).stream().map(li -> li.getAttribute(attribute)).toList();
    }

    /** The reasons the needs-attention list gives for a project, in its order. */
    static List<String> reasons(String code) {
        return browser.findElements(By.cssSelector("#watch li[data-code='" + code + "'] [data-reason]")).stream()
                .map(li -> li.getAttribute("data-reason")).toList();
    }

    /** A project's status, read by an inspector. */
    static JsonPath status(String id, String inspector) {
        return given().auth().oauth2(inspector).get(landfall.status.url("/api/projects/" + id + "/status"))
                .then().statusCode(200).extract().jsonPath();
    }

    /** A workbook of one sheet, its rows' cells as given (a Number a number cell, anything else text), in a file. */
    static Path workbook(String name, List<List<Object>> rows) throws IOException {
        Path file = Files.createTempDirectory("landfall-import").resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("合同");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    /**
     * The file the browser downloaded whose name starts with {@code start} and ends with {@code end}, once complete
     * (Chromium writes it under another name until then).
     */
    static Path downloaded(String start, String end) {
        Path folder = profile.resolve("downloads");
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!Files.isDirectory(folder)) {
                return null;
            }
            try (var files = Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().startsWith(start) && f.getFileName().toString().endsWith(end))
                        .findFirst().orElse(null);
            }
        }, file -> file != null && file.toFile().length() > 0);
    }

    static boolean isWorkbook(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    /** A contract of one place's own, signed on a given day, for a given value, through intake's API. */
    static JsonPath contract(String officer, String province, String name, String signedOn, String value) {
        String body = "{\"name\": \"" + name + "\", \"investor\": \"Map Co., Ltd.\", \"province\": \"" + province
                + "\", \"city\": \"Xining\", \"sector\": \"new-energy\", \"signedOn\": \"" + signedOn
                + "\", \"contractValue\": " + value + "}";
        return given().auth().oauth2(officer).contentType(ContentType.JSON).body(body)
                .post(landfall.intake.url("/api/projects")).then().statusCode(201).extract().jsonPath();
    }

    static String quarterName(int quarter) {
        return Math.floorDiv(quarter, 4) + "-Q" + (Math.floorMod(quarter, 4) + 1);
    }

    /** The quarter {@code n} quarters before {@code quarter} (2023-Q2, 3: 2022-Q3). */
    static String quarterBefore(String quarter, int n) {
        return quarterName(Integer.parseInt(quarter.substring(0, 4)) * 4 + quarter.charAt(6) - '1' - n);
    }

    /** The value the map's table gives a province, by its code; "" while it has none. */
    static String mapCell(String code) {
        return browser.findElements(By.cssSelector("#map-table tr[data-code='" + code + "'] td")).stream()
                .map(td -> td.getAttribute("textContent").trim()).findFirst().orElse("");
    }

    /** Signs a contract as the intake form would send it; answers the project (its id and code). */
    static JsonPath sign(String officer, String province, String name, String signedOn, String plannedStartOn,
                         String value, String designation, String park) {
        String body = "{\"name\": \"Plan project " + name + " " + province + "\", \"investor\": \"Plans Co., Ltd.\", "
                + "\"province\": \"" + province + "\", \"city\": \"Plancity\", \"sector\": \"new-energy\", "
                + "\"signedOn\": \"" + signedOn + "\", \"contractValue\": " + value + ", "
                + "\"plannedStartOn\": \"" + plannedStartOn + "\", \"designations\": [\"" + designation + "\"]"
                + (park == null ? "" : ", \"park\": \"" + park + "\"") + "}";
        return given().auth().oauth2(officer).contentType(ContentType.JSON).body(body)
                .post(landfall.intake.url("/api/projects")).then().statusCode(201).extract().jsonPath();
    }

    /**
     * An admin sets the province's targets for 2024 on intake's page, in a tab of its own: a negative figure is
     * refused beside its field; the page's answer is checked through the API.
     */
    static void setTargetsThroughTheIntakePage(String province) {
        String before = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(landfall.intake.url("/"));
            signIn("admin");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("targets")));
            type("target-year", "2024");
            type("target-province", province);
            field("target-look-up").click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#target .notice"), say("2024 年尚无目标。", "No targets for 2024 yet.")));
            type("target-starts", "-1");
            submit("target");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#target-starts + .field-error[data-field='starts']")));
            type("target-starts", "4");
            type("target-investmentCompleted", "1,000,000,000");
            submit("target");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#target .notice"),
                    say("已保存 " + province + " 的 2024 年目标。", "Saved the targets of 2024 for " + province + ".")));
        } finally {
            browser.close();
            browser.switchTo().window(before);
        }
        JsonPath targets = given().auth().oauth2(DevTokens.token("analyst-e2e-pages", "analyst"))
                .queryParam("province", province).get(landfall.intake.url("/api/targets/2024"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, targets.getList("$").size());
        assertEquals(4, targets.getInt("[0].starts"));
        assertEquals(1000000000L, targets.getLong("[0].investmentCompleted"));
        assertNull(targets.get("[0].signedValue"));
    }

    static void plan(String officer, JsonPath project, String investment, boolean startPlanned) {
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"plannedInvestment\": " + investment + ", \"startPlanned\": " + startPlanned + "}")
                .put(landfall.intake.url("/api/projects/" + project.getString("id") + "/plans/2024")).then().statusCode(200);
    }

    /** Posts an inspector's update once status has learnt the project (before that, status answers 404). */
    static void update(String inspector, JsonPath project, String update) {
        int status = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(inspector)
                .contentType(ContentType.JSON).body(update)
                .post(landfall.status.url("/api/projects/" + project.getString("id") + "/updates")).statusCode(), s -> s != 404);
        assertEquals(201, status, update);
    }

    /** Points the dashboard's project list at this run's intake through "Where the projects come from". */
    static void useIntake() {
        WebElement where = browser.findElement(By.cssSelector("#projects-form details"));
        if (where.getAttribute("open") == null) {
            where.findElement(By.tagName("summary")).click();
        }
        type("intake-url", landfall.intake.url(""));
        browser.findElement(By.id("intake-use")).click();
        where.findElement(By.tagName("summary")).click(); // closed again, out of the screenshots
    }

    /** Picks {@code value} in a list once it offers it, and checks that the list names it {@code name}. */
    static void pick(String id, String value, String name) {
        wait.until(d -> !field(id).findElements(By.cssSelector("option[value='" + value + "']")).isEmpty());
        assertEquals(name, option(id, value).getText());
        new Select(field(id)).selectByValue(value);
    }

    static WebElement option(String selectId, String value) {
        return field(selectId).findElement(By.cssSelector("option[value='" + value + "']"));
    }

    /**
     * The message of {@code field} in the server's refusal of {@code body}, asked in the browser's language: what
     * the page must show beside the field (the server writes it; the page only places it). A refusal changes nothing.
     */
    static String serverMessage(String method, String path, String body, String field) {
        return serverMessage(method, landfall.intake.url(path), DevTokens.token("officer-e2e-pages", "intake-officer"), body, field);
    }

    /** The same of a request to any service's {@code url} with {@code token}. */
    static String serverMessage(String method, String url, String token, String body, String field) {
        JsonPath problem = given().auth().oauth2(token)
                .header("Accept-Language", say("zh-CN", "en")).contentType(ContentType.JSON).body(body)
                .request(method, url).then().statusCode(anyOf(is(400), is(422))).extract().jsonPath();
        return problem.getString("errors.find { it.field == '" + field + "' }.message");
    }

    /** A project as intake holds it, read by an officer. */
    static JsonPath intake(String path) {
        return given().auth().oauth2(DevTokens.token("officer-e2e-pages", "intake-officer"))
                .get(landfall.intake.url(path)).then().statusCode(200).extract().jsonPath();
    }

    /** A cell (investment, start) of a year's line in intake's table of a project's plans; "" if none yet. */
    static String planCell(String year, String column) {
        return browser.findElements(By.cssSelector("#plan-list tbody tr[data-year='" + year + "'] td." + column)).stream()
                .map(td -> td.getText().trim()).findFirst().orElse("");
    }

    static Set<String> listedCodes() {
        return browser.findElements(By.cssSelector("#project-list tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-code")).collect(Collectors.toSet());
    }

    static String yearCell(String figure, String column) {
        return browser.findElement(By.cssSelector("#year tr[data-figure='" + figure + "'] td." + column)).getText().trim();
    }

    /** The text of a cell (1: planned projects) of a group's line in the plans of several groups; "" if none yet. */
    static String planGroupCell(String group, int column) {
        return browser.findElements(By.cssSelector("#plan-groups tbody tr")).stream()
                .filter(tr -> group.equals(tr.getAttribute("data-group")))
                .map(tr -> tr.findElements(By.tagName("td")).get(column - 1).getText().trim())
                .findFirst().orElse("");
    }

    /**
     * A person signs in at the dashboard through Keycloak's login form (authorization code with PKCE), comes back to
     * the address they left, sees who they are, their role and jurisdiction, and the page calls the API with
     * Keycloak's access token; signing out ends Keycloak's session too, so that the next sign-in asks for the
     * password again.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh"})
    void shouldSignInAtTheIdentityProviderShowWhoAndWhereAndSignOutThere(String lang) throws Exception {
        speaking(lang);
        DemoUser analyst = landfall.sso.user("analyst-heilongjiang");
        String page = landfall.reporting.url("/?from=2023-Q1&to=2023-Q2");
        browser.get(page);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(analyst.username());
        assertTrue(browser.getCurrentUrl().startsWith(landfall.sso.issuer() + "/"), browser.getCurrentUrl());
        assertEquals(say("zh-CN", "en"), js("return document.documentElement.lang"), "Keycloak's form in the page's language");
        field("password").sendKeys(analyst.password());
        field("kc-login").click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='signed-in']")));
        assertEquals(page, browser.getCurrentUrl(), "back where they left, the provider's code and state taken off");
        assertEquals(analyst.username(), browser.findElement(By.cssSelector("[data-testid='username']")).getText());
        assertTrue(browser.findElement(By.cssSelector("[data-testid='signed-in']")).getText()
                .contains(say("分析员", "Analyst")));
        WebElement place = browser.findElement(By.cssSelector("[data-testid='jurisdiction']"));
        assertEquals("230000", place.getAttribute("title"));
        String accessToken = (String) js("return sessionStorage.getItem('landfall.token')");
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals(landfall.sso.issuer(), claims.getString("iss"));
        assertEquals("landfall-pages", claims.getString("azp"));
        assertEquals(analyst.username(), claims.getString("preferred_username"));
        assertTrue(js("return sessionStorage.getItem('landfall.refreshToken')") != null, "a refresh token kept");
        // The page read the place lists and the report with it: the services take the provider's tokens.
        given().auth().oauth2(accessToken).get(landfall.intake.url("/api/regions")).then().statusCode(200);
        expect(say("黑龙江省", "Heilongjiang"), place::getText);
        expect("230000", () -> field("place-province").getAttribute("value")); // the dashboard opens on it

        field("sign-out").click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
        assertEquals(page, browser.getCurrentUrl(), "Keycloak sent them back to the page");
        assertNull(js("return sessionStorage.getItem('landfall.token')"));
        assertNull(js("return sessionStorage.getItem('landfall.refreshToken')"));
        // Keycloak's session ended: signing in asks for the password again rather than coming straight back
        field("sign-in").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        browser.get(page); // the next test starts signed out, on a page of ours
    }

    static void signIn(String role) {
        // where the service names an identity provider, its development sign-in is folded away under the button
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dev-sign-in")));
        browser.findElements(By.cssSelector("details#development:not([open]) > summary")).forEach(WebElement::click);
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

    /** Waits for a text the page may redraw meanwhile; tells what it showed instead if it never comes. */
    static <T> void expect(T expected, Supplier<T> actual) {
        try {
            wait.until(d -> expected.equals(actual.get()));
        } catch (TimeoutException e) {
            assertEquals(expected, actual.get());
            throw e;
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /**
     * The whole page, however long: the window grows to the document's height for the picture. The Chinese pages
     * are the README's; the English ones go to target.
     */
    static void shoot(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
        js("window.dispatchEvent(new Event('resize'))"); // the charts redraw at the new size at once
        js("window.scrollTo(0, 0)"); // from the header, wherever the test left the page
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path to = language.equals("zh") ? SHOTS.resolve(name + ".png") : TARGET_SHOTS.resolve(name + "-en.png");
        Files.copy(png.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(before);
    }
}
