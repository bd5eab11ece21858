package dev.imagecensus.deploy;

import dev.imagecensus.embedded.kafka.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's binaries ({@code apt-get install postgresql}; the packaged service
 * is not used): {@code initdb} into a temporary directory, {@code pg_ctl start} on a free loopback port, trust
 * authentication, {@code pg_ctl stop} on close. PostgreSQL refuses to run as root, so when the tests run as root
 * the cluster runs as the package's {@code postgres} user through {@code runuser}.
 */
public final class Postgres implements AutoCloseable {

    private static final String USER = "census";

    private final Path dir;
    private final int port;

    private Postgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a new cluster; returns when it accepts connections. */
    public static Postgres start() throws Exception {
        Path bin = binDir();
        Path dir = Files.createTempDirectory("postgres-it");
        if (isRoot()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        int port = FreePorts.pick();
        Postgres pg = new Postgres(dir, port);
        pg.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--no-instructions");
        pg.run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return pg;
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The superuser name (trust authentication, no password). */
    public String user() {
        return USER;
    }

    /** A new connection. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    @Override
    public void close() throws Exception {
        try {
            run(binDir().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path out = Files.createTempFile("pg-", ".out");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + Files.readString(out)
                        + (Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : ""));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binDir() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgreSQL not found: install Debian's 'postgresql' package");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        }
    }
}
