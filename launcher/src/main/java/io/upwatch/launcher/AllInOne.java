package io.upwatch.launcher;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every Upwatch role in one JVM for small installs ({@code FUNC=all}). Each role starts from
 * its own packaged jar in its own class loader, so each keeps exactly the classpath and
 * configuration it has when run alone (the monitoring worker still needs only Redis), and they
 * share the heap, the JIT and the process.
 *
 * <p>Arguments: {@code <role>=<jar>} pairs, e.g. {@code api-server=/app/api-server.jar}
 * (bin/run-role passes them). Ports: the API's is {@code SERVER_PORT} (default 8080), the workers'
 * the next two. The Spring Boot loader classes must be on the class path (any of the role jars
 * provides them) for its nested-jar URLs to resolve.
 */
public final class AllInOne {

  private AllInOne() {}

  public static void main(String[] args) throws Exception {
    List<Role> roles = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Expected <role>=<jar>, got: " + arg);
      }
      roles.add(new Role(arg.substring(0, eq), Path.of(arg.substring(eq + 1))));
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("Usage: AllInOne api-server=<jar> local-worker=<jar> ...");
    }
    for (Role role : roles) {
      start(role);
    }
  }

  /** Starts a role and waits until its application context is up (or failed). */
  private static void start(Role role) throws Exception {
    if (!Files.isReadable(role.jar())) {
      throw new IllegalArgumentException("Cannot read " + role.jar());
    }
    URL[] urls = {role.jar().toUri().toURL()};
    // Parent: the platform loader, so nothing of another role or of this launcher leaks in.
    var loader = new URLClassLoader(role.name(), urls, ClassLoader.getPlatformClassLoader());
    Method main =
        loader
            .loadClass("org.springframework.boot.loader.launch.JarLauncher")
            .getMethod("main", String[].class);
    String[] args = {"--server.port=" + port(role.name())};
    var failure = new AtomicReference<Throwable>();
    var started = new CountDownLatch(1);
    Thread thread =
        new Thread(
            () -> {
              try {
                main.invoke(null, (Object) args);
              } catch (ReflectiveOperationException | RuntimeException e) {
                failure.set(e.getCause() != null ? e.getCause() : e);
              } finally {
                started.countDown();
              }
            },
            role.name() + "-main");
    thread.setContextClassLoader(loader);
    thread.start();
    started.await();
    if (failure.get() != null) {
      System.err.println("Upwatch role " + role.name() + " failed to start: " + failure.get());
      System.exit(1);
    }
  }

  /**
   * The API listens on {@code SERVER_PORT} (8080), as when it runs alone, so clients and the health
   * check find it there; the local worker and the monitoring worker take the next two ports.
   */
  private static String port(String role) {
    int offset =
        switch (role) {
          case "api-server" -> 0;
          case "local-worker" -> 1;
          case "monitoring-worker" -> 2;
          default -> throw new IllegalArgumentException("Unknown role: " + role);
        };
    String base = System.getenv("SERVER_PORT");
    return Integer.toString(
        (base == null || base.isBlank() ? 8080 : Integer.parseInt(base.strip())) + offset);
  }

  private record Role(String name, Path jar) {}
}
