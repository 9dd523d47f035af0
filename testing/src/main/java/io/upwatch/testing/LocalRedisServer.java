package io.upwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A private {@code redis-server} on a free loopback port, for tests that take Redis away: paused
 * (SIGSTOP: connections stay open and nothing answers, like a network partition) or stopped and
 * started again on the same port (connections refused, then a fresh server).
 */
public final class LocalRedisServer implements AutoCloseable {

  private final int port;
  private Process process;

  private LocalRedisServer(int port) {
    this.port = port;
  }

  /** Starts a server on a free port and waits until it answers. */
  public static LocalRedisServer start() {
    LocalRedisServer server = new LocalRedisServer(freePort());
    server.startAgain();
    return server;
  }

  public int port() {
    return port;
  }

  /** Freezes the server: its connections stay open, nothing is answered. */
  public void pause() {
    signal("STOP");
  }

  /** Lets a paused server answer again. */
  public void resume() {
    signal("CONT");
  }

  /** Kills the server: connections drop and new ones are refused until {@link #startAgain()}. */
  public void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** Starts an empty server on the same port and waits until it answers. */
  public void startAgain() {
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      "redis-server",
                      "--port",
                      Integer.toString(port),
                      "--bind",
                      "127.0.0.1",
                      "--save",
                      "",
                      "--appendonly",
                      "no"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start redis-server (is it installed?)", e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!answers()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server did not answer on port " + port);
      }
      sleep(20);
    }
  }

  /** True when the server answers PING within a second. */
  public boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    resume();
    stop();
  }

  private void signal(String signal) {
    if (process == null) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot signal redis-server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
