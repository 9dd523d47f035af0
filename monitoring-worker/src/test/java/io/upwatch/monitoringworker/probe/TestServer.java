package io.upwatch.monitoringworker.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * A loopback server that behaves as each test tells it, down to the byte, and notices when the
 * client hangs up.
 */
final class TestServer implements AutoCloseable {

  /** What the server does with one accepted connection, after reading the request head. */
  @FunctionalInterface
  interface Behaviour {
    void serve(Socket socket, String requestHead, TestServer server) throws Exception;
  }

  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch hungUp = new CountDownLatch(1);

  private TestServer(ServerSocketFactory sockets, Behaviour behaviour) throws IOException {
    listener = sockets.createServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    threads.execute(() -> acceptLoop(behaviour));
  }

  static TestServer start(Behaviour behaviour) throws IOException {
    return new TestServer(ServerSocketFactory.getDefault(), behaviour);
  }

  static TestServer start(ServerSocketFactory sockets, Behaviour behaviour) throws IOException {
    return new TestServer(sockets, behaviour);
  }

  String url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path).toString();
  }

  int port() {
    return listener.getLocalPort();
  }

  int acceptedConnections() {
    return accepted.get();
  }

  List<String> requests() {
    return requests;
  }

  /** Whether the client closed a connection the server was still serving, within the wait. */
  boolean clientHungUpWithin(Duration wait) throws InterruptedException {
    return hungUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Serving code calls this when a read sees end of stream or a write fails. */
  void noteHangUp() {
    hungUp.countDown();
  }

  private void acceptLoop(Behaviour behaviour) {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        accepted.incrementAndGet();
        threads.execute(() -> serve(socket, behaviour));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, Behaviour behaviour) {
    try (socket) {
      String head = readHead(socket.getInputStream());
      if (head == null) {
        noteHangUp();
        return;
      }
      requests.add(head);
      behaviour.serve(socket, head, this);
    } catch (Exception e) {
      noteHangUp();
    }
  }

  static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Blocks until the client closes the connection, then notes the hang-up. */
  void awaitHangUp(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    while (in.read() >= 0) {
      // Drain whatever the client sends until it closes.
    }
    noteHangUp();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
  }
}
