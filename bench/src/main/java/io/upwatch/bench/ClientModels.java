package io.upwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a check's client model costs by itself, without the queue, the prober's checks around the
 * exchange or Spring: {@code n} GETs, each on a new connection ({@code Connection: close}, read to
 * the end), against a running target farm, either as blocking sockets on virtual threads (the
 * prober's model) or on one selector loop (wrk's). Three rounds each, the last the warm one; CPU is
 * this process's. Usage, with a farm on port 18095:
 *
 * <pre>
 * CP="$(ls bench/target/upwatch-bench-*.jar):$(cat bench/target/classpath.txt)"
 * java -cp "$CP" io.upwatch.bench.TargetFarm 32 18095 &amp;
 * java -Xmx48m -XX:+UseSerialGC -cp "$CP" io.upwatch.bench.ClientModels virtual 40000 1000 18095
 * java -Xmx48m -XX:+UseSerialGC -cp "$CP" io.upwatch.bench.ClientModels virtual-untimed-reads 40000 1000 18095
 * java -Xmx48m -XX:+UseSerialGC -cp "$CP" io.upwatch.bench.ClientModels selector 40000 200 18095
 * </pre>
 *
 * <p>GETs go to the farm's first {@link Bench#TARGET_ADDRESSES} addresses, or to as many as a fifth
 * argument says (up to the farm's 32), in turn:
 *
 * <pre>
 * java -Xmx48m -XX:+UseSerialGC -cp "$CP" io.upwatch.bench.ClientModels virtual-untimed-reads 40000 1000 18095 32
 * </pre>
 */
public final class ClientModels {

  private static final int ROUNDS = 3;
  private static final int TIMEOUT_MILLIS = 5000;
  private static final int BUFFER = 1024;

  private final int port;
  private final int addresses;

  private ClientModels(int port, int addresses) {
    this.port = port;
    this.addresses = addresses;
  }

  public static void main(String[] args) throws Exception {
    String model = args[0];
    int requests = Integer.parseInt(args[1]);
    int concurrency = Integer.parseInt(args[2]);
    int addresses = args.length > 4 ? Integer.parseInt(args[4]) : Bench.TARGET_ADDRESSES;
    var client = new ClientModels(Integer.parseInt(args[3]), addresses);
    for (int round = 0; round < ROUNDS; round++) {
      double cpuBefore = cpuSeconds();
      long start = System.nanoTime();
      int ok =
          switch (model) {
            case "virtual" -> client.virtualThreads(requests, concurrency, Timing.TIMED);
            case "virtual-untimed-reads" ->
                client.virtualThreads(requests, concurrency, Timing.UNTIMED_READS);
            case "virtual-untimed" -> client.virtualThreads(requests, concurrency, Timing.UNTIMED);
            case "selector" -> client.selector(requests, concurrency);
            default ->
                throw new IllegalArgumentException(
                    "Model: virtual, virtual-untimed-reads, virtual-untimed or selector");
          };
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%s round %d: %d of %d answered 2xx, %.0f GETs/s, %.3f CPU ms each%n",
          model,
          round,
          ok,
          requests,
          requests / seconds,
          (cpuSeconds() - cpuBefore) * 1000 / requests);
    }
  }

  /**
   * Which blocking calls of the virtual-thread model carry a timeout: a timed wait of a virtual
   * thread goes through the scheduler's timer, and a timed connect polls before it parks.
   */
  private enum Timing {
    TIMED,
    UNTIMED_READS, // the prober's: a timed connect, reads bounded by closing the socket instead
    UNTIMED
  }

  private int virtualThreads(int requests, int concurrency, Timing timing)
      throws InterruptedException {
    var permits = new Semaphore(concurrency);
    var ok = new AtomicInteger();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < requests; i++) {
        permits.acquire();
        int n = i;
        threads.execute(
            () -> {
              try {
                if (blockingGet(n, timing)) {
                  ok.incrementAndGet();
                }
              } catch (IOException e) {
                // Counted as not answered.
              } finally {
                permits.release();
              }
            });
      }
    }
    return ok.get();
  }

  private boolean blockingGet(int n, Timing timing) throws IOException {
    try (var socket = new Socket()) {
      socket.connect(address(n), timing == Timing.UNTIMED ? 0 : TIMEOUT_MILLIS);
      if (timing == Timing.TIMED) {
        socket.setSoTimeout(TIMEOUT_MILLIS);
      }
      socket.getOutputStream().write(request(n));
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[BUFFER];
      int first = in.readNBytes(buffer, 0, 12);
      boolean ok = first == 12 && buffer[9] == '2';
      while (in.read(buffer) >= 0) {
        // Read to the end, as a check does.
      }
      return ok;
    }
  }

  /** One connection of the selector loop. */
  private static final class Exchange {
    final SocketChannel channel;
    final ByteBuffer out;
    final ByteBuffer in = ByteBuffer.allocate(BUFFER);
    int statusClass = -1;

    Exchange(SocketChannel channel, byte[] request) {
      this.channel = channel;
      this.out = ByteBuffer.wrap(request);
    }
  }

  private int selector(int requests, int concurrency) throws IOException {
    int started = 0;
    int done = 0;
    int ok = 0;
    int open = 0;
    try (Selector selector = Selector.open()) {
      while (done < requests) {
        while (open < concurrency && started < requests) {
          SocketChannel channel = SocketChannel.open();
          channel.configureBlocking(false);
          var exchange = new Exchange(channel, request(started));
          boolean connected = channel.connect(address(started));
          channel.register(
              selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, exchange);
          started++;
          open++;
        }
        selector.select();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          var exchange = (Exchange) key.attachment();
          boolean finished;
          try {
            finished = step(key, exchange);
          } catch (IOException e) {
            finished = true;
            exchange.statusClass = -1;
          }
          if (finished) {
            key.cancel();
            exchange.channel.close();
            open--;
            done++;
            if (exchange.statusClass == 2) {
              ok++;
            }
          }
        }
      }
    }
    return ok;
  }

  /** Moves one exchange on; true once the response has been read to its end. */
  private static boolean step(SelectionKey key, Exchange exchange) throws IOException {
    if (key.isConnectable()) {
      exchange.channel.finishConnect();
      key.interestOps(SelectionKey.OP_WRITE);
      return false;
    }
    if (key.isWritable()) {
      exchange.channel.write(exchange.out);
      if (!exchange.out.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ);
      }
      return false;
    }
    int read = exchange.channel.read(exchange.in);
    if (exchange.statusClass < 0 && exchange.in.position() >= 12) {
      exchange.statusClass = exchange.in.get(9) - '0';
    }
    if (!exchange.in.hasRemaining()) {
      exchange.in.clear();
    }
    return read < 0;
  }

  private InetSocketAddress address(int n) {
    return new InetSocketAddress(TargetFarm.address(n % addresses), port);
  }

  private byte[] request(int n) {
    return ("GET /ok/"
            + n
            + " HTTP/1.1\r\nHost: "
            + TargetFarm.address(n % addresses)
            + "\r\nUser-Agent: client-models\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }
}
