import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.impl.index.LuceneSettings;

/**
 * Starts the real Neo4j Community engine in this JVM with Bolt on a loopback port, for
 * Clew's managed local database. Everything it needs comes from environment variables set
 * by server/src/local-neo4j (so the Node side owns the policy, this file only the mechanics):
 *
 *   CLEW_NEO4J_HOME       data folder (created if missing)
 *   CLEW_NEO4J_HOST       Bolt listen host, default 127.0.0.1
 *   CLEW_NEO4J_PORT       Bolt listen port, default 7687
 *   CLEW_NEO4J_PAGECACHE  page cache size, e.g. "2g"
 *   CLEW_NEO4J_TX_MAX     global transaction memory cap, e.g. "4g"
 *   CLEW_NEO4J_CONF       optional neo4j.conf-style file of further settings, applied last
 *
 * Authentication is on. The first start generates a random password for user neo4j and
 * writes it to HOME/credentials (mode 600), so no password lives in the repository.
 * The launcher writes HOME/launcher.pid when it starts and HOME/ready once Bolt accepts
 * connections; it removes both on shutdown.
 */
public final class ClewNeo4jLauncher {
    public static void main(String[] args) throws Exception {
        Path home = Paths.get(env("CLEW_NEO4J_HOME", ".clew/neo4j")).toAbsolutePath();
        String host = env("CLEW_NEO4J_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("CLEW_NEO4J_PORT", "7687"));
        Files.createDirectories(home);
        Path readyFile = home.resolve("ready");
        Path pidFile = home.resolve("launcher.pid");
        Files.deleteIfExists(readyFile);

        if (!portIsFree(host, port)) {
            fail("Bolt port " + host + ":" + port + " is already in use by another process; stop it or set CLEW_NEO4J_PORT to a free port.");
        }
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);

        DatabaseManagementService dbms;
        // An operator's own settings come last, so they override Clew's.
        String extraSettings = env("CLEW_NEO4J_CONF", "");
        try {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(env("CLEW_NEO4J_PAGECACHE", "2g")))
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.parse(env("CLEW_NEO4J_TX_MAX", "4g")))
                    // Neo4j keeps two days of transaction logs by default: a day of imports and
                    // benchmarks filled 56 GB. A local server needs them only for recovery.
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, env("CLEW_NEO4J_TX_LOG_KEEP", "1G size"))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(Long.parseLong(env("CLEW_NEO4J_TX_TIMEOUT_S", "0"))))
                    // The full-text indexes (person and case text, watch-list tags) are Lucene
                    // indexes that gain a segment with every committed write. Neo4j merges them
                    // two at a time, so loading a million persons rewrote each document some
                    // eight times; at ten, Lucene's own default, a person costs Neo4j about 10 %
                    // less CPU (docs/benchmarks.md, stop 18). Searches read a few more segments.
                    .setConfig(LuceneSettings.lucene_merge_factor, 10);
            if (!extraSettings.isEmpty()) builder.loadPropertiesFromFile(Path.of(extraSettings));
            dbms = builder.build();
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            if (!extraSettings.isEmpty() && causeChainMentions(e, "setting")) {
                fail("The settings in " + extraSettings + " (CLEW_NEO4J_CONF) could not be applied: " + firstMessage(e) + "; correct the file or unset CLEW_NEO4J_CONF.");
            }
            if (causeChainMentions(e, "lock")) {
                fail("The data folder " + home + " is locked by another Neo4j process; stop it (npm run db:stop) or set CLEW_NEO4J_HOME to another folder.");
            }
            throw e;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(readyFile);
                dbms.shutdown();
                Files.deleteIfExists(pidFile);
            } catch (Exception ignored) {
                // the process is ending; nothing useful can be done with the failure
            }
        }, "clew-neo4j-shutdown"));

        ensurePassword(dbms, home.resolve("credentials"));
        Files.writeString(readyFile, host + ":" + port, StandardCharsets.UTF_8);
        System.out.println("Neo4j ready on bolt://" + host + ":" + port);
        Thread.currentThread().join();
    }

    /**
     * On first start, replace the default password with a random one and store it beside the data.
     * A credentials file left behind when the data folder was deleted belongs to a database that is
     * gone: the new one still has the default password, so it gets a new one too.
     */
    private static void ensurePassword(DatabaseManagementService dbms, Path credentials) throws IOException {
        if (Files.exists(credentials) && !stillHasDefaultPassword(dbms)) return;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        dbms.database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        Path tmp = credentials.resolveSibling("credentials.tmp");
        Files.writeString(tmp, "neo4j\n" + password + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file systems keep their default permissions
        }
        Files.move(tmp, credentials, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean stillHasDefaultPassword(DatabaseManagementService dbms) {
        return dbms.database("system").executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
                Map.of(),
                result -> result.hasNext() && Boolean.TRUE.equals(result.next().get("passwordChangeRequired")));
    }

    private static boolean portIsFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean causeChainMentions(Throwable e, String word) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (m.contains(word)) return true;
        }
        return false;
    }

    private static String firstMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage().strip().split("\n")[0];
        }
        return e.toString();
    }

    private static void fail(String sentence) {
        System.err.println("CLEW_NEO4J_ERROR " + sentence);
        System.exit(2);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
