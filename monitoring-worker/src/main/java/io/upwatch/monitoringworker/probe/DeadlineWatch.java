package io.upwatch.monitoringworker.probe;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections whose check ran past its deadline. Reads and connects end at the deadline by
 * themselves (their socket timeout is the time left); this is the backstop for the steps that have
 * no timeout of their own: a TLS handshake trickled a byte at a time (each read would get the time
 * left again) and a request the target never reads. One sweeper thread, a few times a second.
 */
final class DeadlineWatch implements AutoCloseable {

  private static final long SWEEP_MILLIS = 50;

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final Thread sweeper;

  DeadlineWatch() {
    sweeper = Thread.ofPlatform().name("probe-deadlines").daemon().start(this::sweepUntilClosed);
  }

  /** Watches {@code socket} until the returned handle is closed. */
  Watched watch(Socket socket, long deadlineNanos) {
    var entry = new Watched(socket, deadlineNanos, watched);
    watched.add(entry);
    return entry;
  }

  private void sweepUntilClosed() {
    while (true) {
      try {
        Thread.sleep(SWEEP_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      for (Watched entry : watched) {
        if (Deadlines.passed(entry.deadlineNanos())) {
          watched.remove(entry);
          entry.expire();
        }
      }
    }
  }

  @Override
  public void close() {
    sweeper.interrupt();
  }

  /** A watched connection; closing the handle ends the watch (not the connection). */
  static final class Watched implements AutoCloseable {

    private final Socket socket;
    private final long deadlineNanos;
    private final Set<Watched> owner;

    private Watched(Socket socket, long deadlineNanos, Set<Watched> owner) {
      this.socket = socket;
      this.deadlineNanos = deadlineNanos;
      this.owner = owner;
    }

    long deadlineNanos() {
      return deadlineNanos;
    }

    void expire() {
      try {
        // Unblocks whatever the check's thread is doing on it with a SocketException.
        socket.close();
      } catch (IOException ignored) {
        // Closing is all we wanted.
      }
    }

    @Override
    public void close() {
      owner.remove(this);
    }
  }
}
