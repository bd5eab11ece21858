package dev.imagecensus.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository's {@code deploy/} folder (system property {@code imagecensus.deploy.dir}). */
public final class DeployFiles {

    private DeployFiles() {
    }

    /** The {@code deploy/} folder, or {@code deploy/<first>/<more>} below it. */
    public static Path path(String first, String... more) {
        Path root = Path.of(System.getProperty("imagecensus.deploy.dir", "../deploy"));
        return root.resolve(Path.of(first, more)).toAbsolutePath().normalize();
    }

    /** Every regular file below {@code dir} whose name ends with {@code suffix}, sorted. */
    public static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
