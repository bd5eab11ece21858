package dev.imagecensus.aggregator.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's tools the ITs drive as separate processes: {@code promtool} (prometheus) and {@code chromium}. */
final class Tools {

    /** Exit code and outputs of a finished process. */
    record Result(int exitCode, String output, String errors) {
        /** Both outputs, for assertion messages. */
        String all() {
            return output + errors;
        }
    }

    private Tools() {
    }

    /** {@code promtool check metrics} on a scrape, as Prometheus' own linter reads it. */
    static Result promtoolCheckMetrics(String scrape) throws Exception {
        return run(List.of("promtool", "check", "metrics"), scrape, "prometheus");
    }

    /**
     * Loads {@code url} in headless Chromium with a fresh profile and no network beyond it, lets the page's
     * scripts run (virtual time), and writes a screenshot when {@code screenshot} is set, else dumps the DOM.
     */
    static Result chromium(String url, Path profile, Path screenshot) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--virtual-time-budget=5000", "--window-size=1280,900"));
        command.add(screenshot == null ? "--dump-dom" : "--screenshot=" + screenshot);
        command.add(url);
        return run(command, null, "chromium");
    }

    private static Result run(List<String> command, String stdin, String debianPackage) throws Exception {
        Path log = Files.createTempFile("tool-", ".out");
        Path errors = Files.createTempFile("tool-", ".err");
        Process process;
        try {
            // Output to files, not pipes: a hung browser cannot block a reader, and the timeout below applies.
            process = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " not found: install Debian's '" + debianPackage + "' package", e);
        }
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 90 s: " + Files.readString(errors));
            }
            return new Result(process.exitValue(), Files.readString(log), Files.readString(errors));
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(errors);
        }
    }
}
