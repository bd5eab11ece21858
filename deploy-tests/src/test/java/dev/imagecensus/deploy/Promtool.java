package dev.imagecensus.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's {@code promtool} (package {@code prometheus}) run as a child process. */
public final class Promtool {

    /** Exit code and both outputs of one run. */
    public record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    /**
     * Runs {@code promtool} with {@code args} in {@code dir}, stdout and stderr merged.
     *
     * @throws AssertionError when promtool is not installed or does not finish in 60 s
     */
    public static Result run(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("promtool-", ".out");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("promtool not found: install Debian's 'prometheus' package", e);
            }
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
