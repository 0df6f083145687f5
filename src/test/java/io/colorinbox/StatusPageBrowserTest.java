package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.colorinbox.support.Chromium;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.ListBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The status page in a real, headless Chromium while a large file is in progress (the loopback stub answers
 * with latency): its progress bar advances, it appears among the finished files with a download link that
 * downloads its output, and a file named like an HTML tag shows as text.
 */
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=4"})
class StatusPageBrowserTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-browser");
    static final String HOSTILE = "<img src=x onerror=alert(1)>.txt";

    @LocalServerPort
    int port;

    @TempDir
    Path downloads;

    ChromeDriver browser;

    /** Without Chromium: skipped, counted as skipped in the summary, with a warning (in CI: failed). */
    @BeforeEach
    void openBrowser() {
        browser = Chromium.start(Chromium.requireOrSkip(), downloads);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsProgressFinishedFilesWithDownloadsAndNamesAsText() throws IOException {
        API.latency(25);
        // 1,500 items at 25 ms with 4 in flight: about 10 s of progress to watch
        FOLDERS.drop("large.txt", ListBodies.lines("c", 1500));
        FOLDERS.drop(HOSTILE, "red\nblue\n");

        browser.get("http://127.0.0.1:" + port + "/");

        // the progress bar of the large file advances, poll after poll
        int first = await().atMost(Duration.ofSeconds(30)).until(() -> progressOf("large.txt"), p -> p.orElse(0) > 0).orElseThrow();
        int second = await().atMost(Duration.ofSeconds(30)).until(() -> progressOf("large.txt"), p -> p.orElse(0) > first).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> progressOf("large.txt"), p -> p.orElse(0) > second);
        await().atMost(Duration.ofSeconds(30)).until(() -> barWidthOf("large.txt"), w -> w.orElse(0.0) > 0);

        // the hostile name is text: no element was made from it, no script ran
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> assertThat(finishedRow(HOSTILE)).hasValueSatisfying(
                        row -> assertThat(row.findElement(By.className("list-name")).getText()).isEqualTo(HOSTILE)));
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        // once done, the large file is among the finished ones, and its link downloads its output
        await().atMost(Duration.ofSeconds(90)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    WebElement done = finishedRow("large.txt").orElseThrow(() -> new AssertionError("not finished yet"));
                    assertThat(done.findElements(By.tagName("td")).get(2).getText().replaceAll("\\D", "")).isEqualTo("1500");
                    WebElement link = done.findElement(By.cssSelector("a.download"));
                    assertThat(link.getAttribute("href"))
                            .matches("http://127\\.0\\.0\\.1:" + port + "/api/lists/[0-9a-f-]{36}/result");
                    link.click();
                });
        Path downloaded = downloads.resolve("large.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(downloaded) && !hasPartialDownloads());
        assertThat(InboxFolders.read(downloaded)).isEqualTo(InboxFolders.read(FOLDERS.outbox().resolve("large.json")));
        assertThat(InboxFolders.read(downloaded).get("total").asInt()).isEqualTo(1500);
    }

    /** aria-valuenow of the named file's progress bar among the files in progress. */
    private Optional<Integer> progressOf(String name) {
        return read("#running", name, r -> Integer.parseInt(
                r.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuenow")));
    }

    /** The width of the named file's progress bar, in percent. */
    private Optional<Double> barWidthOf(String name) {
        return read("#running", name, r -> r.findElement(By.cssSelector(".bar .fill")).getAttribute("style"))
                .map(style -> Double.parseDouble(style.replaceAll(".*width:\\s*([0-9.]+)%.*", "$1")));
    }

    private Optional<WebElement> finishedRow(String name) {
        return row("#finished", name);
    }

    /** Something of a row; the page redraws once a second, so a row may go stale while it is read: then empty. */
    private <T> Optional<T> read(String table, String name, Function<WebElement, T> what) {
        try {
            return row(table, name).map(what);
        } catch (StaleElementReferenceException e) {
            return Optional.empty();
        }
    }

    /** The table row whose list name is {@code name}; the page redraws once a second, so rows may go stale. */
    private Optional<WebElement> row(String table, String name) {
        try {
            List<WebElement> rows = browser.findElements(By.cssSelector(table + " tbody tr"));
            for (WebElement row : rows) {
                if (row.findElement(By.className("list-name")).getText().equals(name)) {
                    return Optional.of(row);
                }
            }
        } catch (StaleElementReferenceException e) {
            // redrawn while read: the next poll sees the new rows
        }
        return Optional.empty();
    }

    private boolean hasPartialDownloads() throws IOException {
        try (var files = Files.list(downloads)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        }
    }
}
