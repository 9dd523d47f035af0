package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;
import io.upwatch.testing.LocalPostgres;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through its own chromedriver
 * (nothing is downloaded), against every role running from the packaged jars. A person signs up,
 * adds a monitor for a loopback target, and watches it go down when the target answers 503 and
 * recover when it answers 200 again; then publishes a status page with it and reads it signed out,
 * and creates the monitor's badge and fetches it without sign-in. Skipped where Chromium is not
 * installed ({@code ./upwatch test} installs it).
 */
class DashboardBrowserSystemTests {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  // Its own databases, overridable when several checkouts test on one machine.
  private static final String DATABASE =
      TestStores.database("dashboard_system", "upwatch_dashboard_system_test");
  private static final int REDIS_DB = TestStores.redisDatabase(10);
  private static final Duration STATE_CHANGE = Duration.ofSeconds(40);

  @Test
  void aPersonSignsUpAddsAMonitorAndWatchesItGoDownAndRecover() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed (./upwatch test installs them)");
    String jdbcUrl = LocalPostgres.recreateDatabase(DATABASE);
    var redisClient = RedisClient.create("redis://127.0.0.1:6379/" + REDIS_DB);
    try (var redis = redisClient.connect();
        var targets = new TargetServer()) {
      redis.sync().flushdb();
      int port = RoleProcess.freePorts();
      Map<String, String> env = RoleProcess.environment(jdbcUrl, REDIS_DB);
      try (RoleProcess all = RoleProcess.startAllInOne("dashboard-all-in-one", env, port)) {
        // The API on SERVER_PORT, the workers on the next two ports.
        for (int role = 0; role < 3; role++) {
          all.awaitReady(Duration.ofSeconds(180), port + role);
        }
        Path screenshots = Path.of("target", "dashboard-screenshots");
        WebDriver browser = chromium();
        var user = new DashboardUser(browser, all);
        try {
          user.run(targets, screenshots);
        } catch (Exception | AssertionError failed) {
          // What the browser showed when it failed, for the reader of the CI log.
          user.save(screenshots, "failure.png");
          Files.writeString(screenshots.resolve("failure.html"), browser.getPageSource());
          throw failed;
        } finally {
          browser.quit();
        }
      }
    } finally {
      redisClient.shutdown();
    }
  }

  private static WebDriver chromium() {
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    var service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** What the person does and sees, step by step. */
  private record DashboardUser(WebDriver browser, RoleProcess server) {

    void run(TargetServer targets, Path screenshots) throws Exception {
      browser.get(server.url("/"));
      // Signed out, the home page is the sign-in form.
      assertThat(browser.findElement(By.cssSelector("form[action='/sign-in']")).isDisplayed())
          .isTrue();
      browser.findElement(By.linkText("Create an account")).click();
      browser.findElement(By.id("username")).sendKeys("browser");
      browser.findElement(By.id("password")).sendKeys("browser-password");
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      waitFor(Duration.ofSeconds(10), () -> browser.getTitle().startsWith("Monitors"));

      addMonitor("docs", targets.url("/status/docs"));
      String shop = addMonitor("shop", targets.url("/status/shop"));
      awaitState(shop, "up");

      targets.answer("shop", 503);
      awaitState(shop, "down");
      assertThat(browser.findElements(By.cssSelector("#alert-timeline .badge-alert"))).hasSize(1);
      assertThat(browser.findElement(By.id("recent-checks")).getText()).contains("HTTP 503");

      targets.answer("shop", 200);
      awaitState(shop, "up");
      // Resolved: no open mark left, and the rule it broke is named.
      browser.get(shop + "?window=1h");
      assertThat(browser.findElements(By.cssSelector("#alert-timeline .badge-alert"))).isEmpty();
      assertThat(browser.findElement(By.id("alert-timeline")).getText())
          .contains("more than 0 failures in 10 s");
      // Tall enough for the checks and the alert timeline below the chart.
      browser.manage().window().setSize(new Dimension(1280, 1500));
      save(screenshots, "dashboard-monitor.png");
      browser.manage().window().setSize(new Dimension(1280, 900));

      browser.get(server.url("/"));
      assertThat(browser.findElements(By.cssSelector("tr[data-state=up]"))).hasSize(2);
      save(screenshots, "dashboard-monitors.png");

      publishStatusPage("shop", "Web shop");
      String badge = createBadge(shop);
      // Signed out from here: what anyone sees.
      browser.findElement(By.cssSelector("form.signout button")).click();
      waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.id("password")).isEmpty());
      browser.get(server.url("/status/browser-status"));
      var monitor = browser.findElement(By.cssSelector("li.monitor"));
      assertThat(monitor.findElement(By.tagName("h3")).getText()).isEqualTo("Web shop");
      assertThat(monitor.findElement(By.cssSelector(".state")).getText())
          .isEqualToIgnoringCase("up");
      assertThat(monitor.findElements(By.cssSelector("ol.bar li"))).hasSize(90);
      assertThat(browser.getPageSource()).doesNotContain(targets.url("/status/shop"));
      assertThat(monitor.findElements(By.cssSelector(".target"))).isEmpty();
      browser.manage().window().setSize(new Dimension(1000, 700));
      save(screenshots, "status-page.png");

      var answer =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(badge)).build(), BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
      assertThat(answer.body()).startsWith("<svg").contains(">up<");
    }

    /** Publishes a page at /status/browser-status showing one monitor, its address kept private. */
    private void publishStatusPage(String monitorName, String publicName) {
      browser.get(server.url("/"));
      browser.findElement(By.linkText("Status pages")).click();
      browser.findElement(By.linkText("Publish a status page")).click();
      browser.findElement(By.id("slug")).sendKeys("browser-status");
      browser.findElement(By.id("title")).sendKeys("Browser status");
      String row =
          browser
              .findElement(
                  By.xpath("//table[@id='page-monitors']//label[text()='" + monitorName + "']"))
              .getDomAttribute("for")
              .replace("-chosen", "");
      browser.findElement(By.id(row + "-chosen")).click();
      replace(row + "-name", publicName);
      browser.findElement(By.cssSelector("main button[type=submit]")).click();
      waitFor(Duration.ofSeconds(10), () -> browser.getCurrentUrl().endsWith("/status-pages"));
      assertThat(browser.findElement(By.id("status-pages")).getText())
          .contains("Browser status", "/status/browser-status");
    }

    /** Creates the monitor's badge: the page shown once has its addresses. */
    private String createBadge(String monitorPage) {
      browser.get(monitorPage);
      browser.findElement(By.id("badge-issue")).click();
      // The click posts a form: the page that answers it may not have loaded when click returns.
      waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.id("badge-0")).isEmpty());
      String status = browser.findElement(By.id("badge-0")).getDomProperty("value");
      assertThat(status).matches(".*/badge/[A-Za-z0-9_-]{32}/status\\.svg");
      assertThat(browser.findElement(By.id("badge-md-0")).getDomProperty("value"))
          .isEqualTo("![Status](" + status + ")");
      return status;
    }

    /** Adds a monitor through the form (checked every 10 s; one failure opens an alert). */
    private String addMonitor(String name, String target) {
      browser.get(server.url("/monitors/new"));
      browser.findElement(By.id("name")).sendKeys(name);
      var url = browser.findElement(By.id("url"));
      url.clear();
      url.sendKeys(target);
      replace("threshold", "0");
      replace("intervalSeconds", "10");
      replace("timeoutSeconds", "2");
      replace("failureWindowSeconds", "10");
      browser.findElement(By.cssSelector("main button[type=submit]")).click();
      waitFor(Duration.ofSeconds(10), () -> browser.getCurrentUrl().matches(".*/monitors/\\d+$"));
      return browser.getCurrentUrl();
    }

    private void replace(String id, String value) {
      var input = browser.findElement(By.id(id));
      input.clear();
      input.sendKeys(value);
    }

    /** Reloads the monitor's page, as a person would, until it shows the state. */
    private void awaitState(String page, String state) {
      waitFor(
          STATE_CHANGE,
          () -> {
            browser.get(page);
            return browser.findElement(By.id("monitor-state")).getText().equals(state);
          });
    }

    private void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
      new WebDriverWait(browser, timeout, Duration.ofMillis(1000))
          .until(driver -> condition.getAsBoolean());
    }

    private void save(Path directory, String name) throws Exception {
      Files.createDirectories(directory);
      File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
