package io.colorinbox.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's own Chromium and chromedriver (Debian: {@code apt-get install chromium chromium-driver}),
 * found on the PATH. Never a downloaded browser or driver: both paths are given to Selenium, so Selenium
 * Manager is not asked. Without them a browser test is skipped with a loud warning, except in CI
 * ({@code CI=true}), where it fails: {@code .ci/run} installs them.
 */
public final class Chromium {

    private Chromium() {
    }

    public record Binaries(Path browser, Path driver) {
    }

    public static Binaries requireOrSkip() {
        Optional<Path> browser = onPath("chromium");
        Optional<Path> driver = onPath("chromedriver");
        if (browser.isPresent() && driver.isPresent()) {
            return new Binaries(browser.get(), driver.get());
        }
        String why = "the status page browser test needs Debian's chromium and chromedriver on the PATH (found: chromium="
                + browser.map(Path::toString).orElse("missing") + ", chromedriver=" + driver.map(Path::toString).orElse("missing")
                + "); install them with: apt-get install -y chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + why);
        }
        System.err.println("WARN: BROWSER TEST SKIPPED: " + why);
        Assumptions.abort("skipped: " + why);
        throw new IllegalStateException("unreachable");
    }

    /** Headless, downloads go to {@code downloads} without asking. */
    public static ChromeDriver start(Binaries binaries, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.driver().toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
