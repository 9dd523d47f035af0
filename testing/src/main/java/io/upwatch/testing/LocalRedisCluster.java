package io.upwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of three local {@code redis-server --cluster-enabled yes} nodes, started once per
 * JVM through {@code bin/redis-cluster} and stopped when the JVM exits. Its first port is {@code
 * UPWATCH_TEST_REDIS_CLUSTER_PORT} when set (the nodes take it and the next two, their bus ports
 * 10000 above), else three free ones. Tests that need it skip, loudly, only when {@code
 * redis-server} is not installed ({@code ./upwatch test} installs it).
 */
public final class LocalRedisCluster {

  /** The environment variable that fixes the first node's port. */
  public static final String PORT_VARIABLE = "UPWATCH_TEST_REDIS_CLUSTER_PORT";

  private static final int NODES = 3;
  private static final int BUS_OFFSET = 10_000;
  private static LocalRedisCluster current;

  private final Path script;
  private final int firstPort;

  private LocalRedisCluster(Path script, int firstPort) {
    this.script = script;
    this.firstPort = firstPort;
  }

  /** Whether {@code redis-server} and {@code redis-cli} are installed, so a cluster can start. */
  public static boolean installed() {
    return onPath("redis-server") && onPath("redis-cli");
  }

  /** Why cluster tests are skipped here; for {@code assumeTrue}. */
  public static String skipReason() {
    String reason =
        "SKIPPED: redis-server is not installed, so the Redis Cluster tests cannot run"
            + " (apt-get install redis-server, or run ./upwatch test, which installs it)";
    System.err.println(reason);
    return reason;
  }

  /** The cluster of this JVM, started on the first call. */
  public static synchronized LocalRedisCluster get() {
    if (current == null) {
      Path root = Path.of(System.getProperty("upwatch.root", "..")).toAbsolutePath().normalize();
      Path script = root.resolve("bin/redis-cluster");
      if (!Files.isExecutable(script)) {
        throw new IllegalStateException("No executable " + script + " (set -Dupwatch.root)");
      }
      String fixed = System.getenv(PORT_VARIABLE);
      int port = fixed == null || fixed.isBlank() ? freePorts() : Integer.parseInt(fixed.strip());
      LocalRedisCluster cluster = new LocalRedisCluster(script, port);
      cluster.run("start");
      Runtime.getRuntime()
          .addShutdownHook(Thread.ofPlatform().unstarted(() -> cluster.run("stop")));
      current = cluster;
    }
    return current;
  }

  /** The nodes as {@code host:port}, for {@code spring.data.redis.cluster.nodes}. */
  public List<String> nodes() {
    return ports().mapToObj(port -> "127.0.0.1:" + port).toList();
  }

  /** The nodes, comma-separated, as {@code SPRING_DATA_REDIS_CLUSTER_NODES} takes them. */
  public String nodeList() {
    return String.join(",", nodes());
  }

  /** Empties every node. */
  public void flush() {
    ports().forEach(port -> command(port, "FLUSHALL"));
  }

  private IntStream ports() {
    return IntStream.range(firstPort, firstPort + NODES);
  }

  private void run(String command) {
    try {
      Process process =
          new ProcessBuilder(script.toString(), command, Integer.toString(firstPort))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("bin/redis-cluster " + command + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // One inline command, answered with a simple string (FLUSHALL: +OK).
  private static void command(int port, String command) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readNBytes(3), StandardCharsets.US_ASCII);
      if (!reply.startsWith("+OK")) {
        throw new IllegalStateException(command + " on node " + port + " answered " + reply);
      }
    } catch (IOException e) {
      throw new IllegalStateException(command + " on node " + port + " failed", e);
    }
  }

  private static int freePorts() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(20_000, 30_000 - NODES);
      boolean free =
          IntStream.range(first, first + NODES)
              .allMatch(port -> free(port) && free(port + BUS_OFFSET));
      if (free) {
        return first;
      }
    }
    throw new IllegalStateException("No three free ports (and their bus ports) for a cluster");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && List.of(path.split(java.io.File.pathSeparator)).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
