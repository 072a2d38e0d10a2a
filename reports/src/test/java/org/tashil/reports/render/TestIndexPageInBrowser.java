package org.tashil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.tashil.reports.ReportFixtures;
import org.tashil.reports.model.Language;

/**
 * The index page in a real browser: the distribution's Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) driven through its chromedriver, both named by path so that Selenium
 * downloads nothing. Skipped where they are missing, except on CI ({@code CI=true}), where they
 * must be there.
 */
class TestIndexPageInBrowser {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path reports;
  @TempDir static Path profile;

  private static WebDriver browser;
  private static Path page;

  @BeforeAll
  static void openBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present)
          .as(
              "CI installs chromium and chromium-driver (.ci/run): "
                  + CHROMIUM
                  + ", "
                  + CHROMEDRIVER)
          .isTrue();
    }
    Assumptions.assumeTrue(present, "no " + CHROMIUM + " or " + CHROMEDRIVER);
    RenderedPeriod rendered =
        new PeriodRenderer(ReportRenderer.withCompiledTemplates(), 2)
            .render(reports, ReportFixtures.context(Language.PERSIAN), TestIndexPage.period());
    page = Path.of(rendered.page());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // as root, in a container
        "--disable-gpu",
        "--disable-dev-shm-usage",
        // Wide enough for the whole table: headless Chromium's default window (780 px) leaves the
        // last column (on the left, right to left) outside the window, where WebDriver's click does
        // not reach it.
        "--window-size=1280,1024",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void open() {
    browser.get(page.toUri().toString());
  }

  private static List<String> rowOrder() {
    return browser.findElements(By.cssSelector("#settlements tbody tr")).stream()
        .map(row -> row.getDomAttribute("data-key"))
        .toList();
  }

  private static WebElement header(int column) {
    return browser.findElement(By.cssSelector("#settlements thead th:nth-child(" + column + ")"));
  }

  @Test
  void sortsANumericColumnAsNumbersAndReversesOnASecondClick() {
    open();
    assertThat(rowOrder()).containsExactly("AHV-001", "AHV-007", "AHV-010", "AHV-066");
    WebElement households = header(3);
    assertThat(households.getText()).isEqualTo("خانوار پیمایش‌شده");
    households.click();
    // 3, 75, 560, 1240: as numbers, not as text ("1240" < "3")
    assertThat(rowOrder()).containsExactly("AHV-007", "AHV-066", "AHV-010", "AHV-001");
    assertThat(households.getDomAttribute("aria-sort")).isEqualTo("ascending");
    households.click();
    assertThat(rowOrder()).containsExactly("AHV-001", "AHV-010", "AHV-066", "AHV-007");
    assertThat(households.getDomAttribute("aria-sort")).isEqualTo("descending");

    // The rank: a settlement without one stays last either way.
    WebElement rank = header(6);
    rank.click();
    assertThat(rowOrder()).containsExactly("AHV-010", "AHV-066", "AHV-001", "AHV-007");
    rank.click();
    assertThat(rowOrder()).containsExactly("AHV-001", "AHV-066", "AHV-010", "AHV-007");
    assertThat(households.getDomAttribute("aria-sort")).isNull();
  }

  @Test
  void sortsNamesInPersianOrder() {
    open();
    header(1).click();
    // پ comes before ح in the Persian alphabet, though after it in Unicode; the name that starts
    // with '<' (a symbol) first.
    assertThat(rowOrder()).containsExactly("AHV-066", "AHV-010", "AHV-001", "AHV-007");
    header(1).click();
    assertThat(rowOrder()).containsExactly("AHV-007", "AHV-001", "AHV-010", "AHV-066");
  }

  @Test
  void aHostileNameIsShownAsTextAndRunsNothing() {
    open();
    WebElement name =
        browser.findElement(By.cssSelector("#settlements tr[data-key='AHV-066'] td a"));
    assertThat(name.getText()).isEqualTo(TestIndexPage.HOSTILE);
    assertThat(browser.findElements(By.tagName("script"))).hasSize(1);
    assertThatThrownBy(() -> browser.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void followsALinkToTheSettlementsPdf() throws InterruptedException {
    open();
    browser.findElement(By.cssSelector("#settlements tr[data-key='AHV-001'] td.files a")).click();
    Path pdf = page.resolveSibling("settlements/AHV-001.pdf");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!browser.getCurrentUrl().endsWith("/settlements/AHV-001.pdf")
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(browser.getCurrentUrl()).isEqualTo(pdf.toUri().toString());
    assertThat(pdf).isRegularFile();
    assertThat(new File(java.net.URI.create(browser.getCurrentUrl()))).isFile();
  }
}
