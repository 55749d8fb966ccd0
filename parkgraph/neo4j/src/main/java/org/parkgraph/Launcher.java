package org.parkgraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.BootloaderSettings;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.server.NeoBootstrapper;
import org.neo4j.server.configuration.ServerSettings;
import picocli.CommandLine;

/**
 * Runs Neo4j Community for parkgraph's development and CI.
 *
 * <p>Usage: {@code Launcher HOME BOLT_ADDRESS HTTP_ADDRESS} with addresses such as {@code 127.0.0.1:7687}.
 * Everything the server keeps lives under HOME (data in HOME/data, Neo4j's logs in HOME/logs), so the
 * data outlives the process. The password of user neo4j is taken from NEO4J_PASSWORD before the very
 * first start, the way {@code neo4j-admin dbms set-initial-password} does it, so the server never
 * answers with the default password. Neo4j's bootstrapper turns SIGTERM and SIGINT into System.exit,
 * whose shutdown hook stops the databases cleanly.
 */
public final class Launcher {
    private static final int USAGE = 64;

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME BOLT_ADDRESS HTTP_ADDRESS");
            System.exit(USAGE);
        }
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("NEO4J_PASSWORD is not set: it is the password of user neo4j");
            System.exit(USAGE);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path data = home.resolve("data");
        if (!Files.isDirectory(data.resolve("databases").resolve("system"))) {
            int passwordStatus = setInitialPassword(home, password);
            if (passwordStatus != 0) {
                System.exit(passwordStatus);
            }
        }
        Map<String, String> settings = settings(home, data, args[1], args[2]);
        int serverStatus = new CommunityBootstrapper().start(home, null, settings, false, false);
        if (serverStatus != NeoBootstrapper.OK) {
            System.exit(serverStatus);
        }
    }

    /**
     * Writes the initial user file that the system database reads when it is created. The password
     * follows {@code --}, so one that begins with a dash (a random URL-safe one does, one time in
     * 64) is not read as an option.
     */
    private static int setInitialPassword(Path home, String password) {
        ExecutionContext context = new ExecutionContext(home, home.resolve("conf"));
        return new CommandLine(new SetInitialPasswordCommand(context)).execute("--", password);
    }

    /**
     * Loopback only, bounded memory for a small machine (a query that would take more than 256 MiB
     * is stopped, not left to exhaust the heap), no usage reports from the server or from
     * Browser, and no five-second Bolt shutdown grace period (a development server has no clients
     * worth waiting for). Browser may {@code :play} guides from this machine, where {@code parkgraph
     * serve} serves parkgraph's own at {@code /guide/}, as well as Neo4j's. The page cache is 512m
     * unless the JVM is given {@code -Dparkgraph.pagecache=SIZE} (the 1M-entity benchmark raises it).
     */
    private static Map<String, String> settings(Path home, Path data, String bolt, String http) {
        return Map.ofEntries(
                Map.entry(GraphDatabaseSettings.data_directory.name(), data.toString()),
                Map.entry(GraphDatabaseSettings.logs_directory.name(), home.resolve("logs").toString()),
                Map.entry(BootloaderSettings.run_directory.name(), home.toString()),
                Map.entry(GraphDatabaseSettings.default_listen_address.name(), "127.0.0.1"),
                Map.entry(GraphDatabaseSettings.default_advertised_address.name(), "127.0.0.1"),
                Map.entry(BoltConnector.listen_address.name(), bolt),
                Map.entry(BoltConnector.advertised_address.name(), bolt),
                Map.entry(HttpConnector.listen_address.name(), http),
                Map.entry(HttpConnector.advertised_address.name(), http),
                Map.entry(HttpsConnector.enabled.name(), "false"),
                Map.entry(GraphDatabaseSettings.auth_enabled.name(), "true"),
                Map.entry(
                        GraphDatabaseSettings.pagecache_memory.name(),
                        System.getProperty("parkgraph.pagecache", "512m")),
                Map.entry(GraphDatabaseSettings.memory_transaction_max_size.name(), "256m"),
                Map.entry(GraphDatabaseSettings.udc_enabled.name(), "false"),
                Map.entry(ServerSettings.allow_telemetry.name(), "false"),
                Map.entry(
                        ServerSettings.browser_remote_content_hostname_whitelist.name(),
                        "guides.neo4j.com,localhost,127.0.0.1"),
                Map.entry(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period.name(), "0"));
    }
}
