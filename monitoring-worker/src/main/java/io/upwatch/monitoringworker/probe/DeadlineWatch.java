package io.upwatch.monitoringworker.probe;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends a check's exchange at its deadline by closing the connection under it: the TLS handshake,
 * writing the request and every read (a blocked virtual thread then fails at once with a {@link
 * java.net.SocketException}). One timer for all connections instead of a socket timeout per read: a
 * virtual thread's timed wait files its timeout with the scheduler's timer thread, waking that
 * thread, and cancels it again, for each read that waits; untimed reads took about a tenth off the
 * worker's CPU per check (bench/README.md). A trickled handshake or a request the target never
 * reads, which no read timeout would bound, ends here too.
 *
 * <p>One sweeper thread sleeps until the earliest deadline it knows of and is woken only when a
 * connection with an earlier one is watched, which is rare: most checks of a worker share a
 * timeout, so a new deadline is almost always the latest.
 */
final class DeadlineWatch implements AutoCloseable {

  // While nothing is watched; a watched connection wakes the sweeper sooner when it must.
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final Thread sweeper;
  // The sweeper publishes when it will next look (before going to sleep): a connection due earlier
  // must wake it. While it sweeps, every new connection wakes it, as the sweep may have missed it.
  private volatile boolean asleep;
  private volatile long wakeAt;

  DeadlineWatch() {
    sweeper = Thread.ofPlatform().name("probe-deadlines").daemon().start(this::sweepUntilClosed);
  }

  /**
   * Closes {@code socket} at {@code deadlineNanos} unless the returned handle is released first.
   */
  Watched watch(Socket socket, long deadlineNanos) {
    var entry = new Watched(socket, deadlineNanos, watched);
    watched.add(entry);
    if (!asleep || deadlineNanos - wakeAt < 0) {
      LockSupport.unpark(sweeper);
    }
    return entry;
  }

  private void sweepUntilClosed() {
    while (!Thread.currentThread().isInterrupted()) {
      asleep = false;
      long now = System.nanoTime();
      long next = now + IDLE_NANOS;
      for (Watched entry : watched) {
        long deadline = entry.deadlineNanos();
        if (deadline - now <= 0) {
          watched.remove(entry);
          entry.expire();
        } else if (deadline - next < 0) {
          next = deadline;
        }
      }
      wakeAt = next;
      asleep = true;
      LockSupport.parkNanos(this, next - System.nanoTime());
    }
  }

  @Override
  public void close() {
    sweeper.interrupt();
  }

  /** A watched connection; releasing the handle ends the watch (not the connection). */
  static final class Watched implements AutoCloseable {

    private final Socket socket;
    private final long deadlineNanos;
    private final Set<Watched> owner;
    private final AtomicBoolean settled = new AtomicBoolean();

    private Watched(Socket socket, long deadlineNanos, Set<Watched> owner) {
      this.socket = socket;
      this.deadlineNanos = deadlineNanos;
      this.owner = owner;
    }

    long deadlineNanos() {
      return deadlineNanos;
    }

    private void expire() {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      try {
        // Unblocks whatever the check's thread is doing on it with a SocketException.
        socket.close();
      } catch (IOException ignored) {
        // Closing is all we wanted.
      }
    }

    /**
     * Ends the watch; false when it came too late: the deadline passed and the connection is closed
     * (or being closed), whatever the step under way returned.
     */
    boolean release() {
      owner.remove(this);
      return settled.compareAndSet(false, true);
    }

    @Override
    public void close() {
      release();
    }
  }
}
