package io.upwatch.common.loop;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one unit of work after another on its own thread until the application stops. A pass that
 * throws is logged (once, not per retry) and retried after an exponential backoff, so a worker
 * survives any failure of its dependencies; a pass that found nothing to do is followed by a short
 * idle pause.
 */
public final class WorkerLoop implements SmartLifecycle {

  /** One unit of work. */
  @FunctionalInterface
  public interface Pass {
    /**
     * Does one unit of work.
     *
     * @return true when there may be more work right away, false to idle before the next pass
     */
    boolean run() throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);

  private final String name;
  private final Pass pass;
  private final Duration idle;
  private final Duration maxBackoff;
  private final int phase;
  private final boolean autoStartup;
  private static final Duration STILL_FAILING_EVERY = Duration.ofMinutes(1);

  private volatile boolean running;
  private volatile long failingSince;
  private Thread thread;

  /**
   * @param name the thread's name and the loop's name in logs
   * @param pass the work
   * @param idle pause after a pass that found nothing to do
   * @param maxBackoff longest pause between retries after failures
   * @param phase lifecycle phase: higher phases start later and stop earlier
   */
  public WorkerLoop(String name, Pass pass, Duration idle, Duration maxBackoff, int phase) {
    this(name, pass, idle, maxBackoff, phase, true);
  }

  /**
   * @param name the thread's name and the loop's name in logs
   * @param pass the work
   * @param idle pause after a pass that found nothing to do
   * @param maxBackoff longest pause between retries after failures
   * @param phase lifecycle phase: higher phases start later and stop earlier
   * @param autoStartup false to leave the loop stopped until {@link #start()} (tests drive passes)
   */
  public WorkerLoop(
      String name, Pass pass, Duration idle, Duration maxBackoff, int phase, boolean autoStartup) {
    this.autoStartup = autoStartup;
    this.name = name;
    this.pass = pass;
    this.idle = idle;
    this.maxBackoff = maxBackoff;
    this.phase = phase;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name(name).daemon(false).start(this::loop);
    log.info("Started {}", name);
  }

  @Override
  public void stop() {
    Thread current;
    synchronized (this) {
      running = false;
      current = thread;
    }
    if (current != null) {
      current.interrupt();
      try {
        current.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    log.info("Stopped {}", name);
  }

  /** How long every pass has been failing; zero while the loop works. */
  public Duration failingFor() {
    long since = failingSince;
    return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public int getPhase() {
    return phase;
  }

  private void loop() {
    int failures = 0;
    long lastWarning = 0;
    while (running) {
      try {
        boolean more = pass.run();
        if (failures > 0) {
          log.info(
              "{} recovered after {} failed attempts over {} s",
              name,
              failures,
              failingFor().toSeconds());
          failures = 0;
          failingSince = 0;
        }
        if (!more) {
          pause(idle);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (!running) {
          return;
        }
      } catch (Exception e) {
        if (!running) {
          return;
        }
        failures++;
        long now = System.nanoTime();
        if (failures == 1) {
          failingSince = now;
          lastWarning = now;
          log.warn("{} failed, retrying with backoff: {}", name, e.toString(), e);
        } else if (now - lastWarning >= STILL_FAILING_EVERY.toNanos()) {
          // A loop that keeps failing is stalled work: say so every minute, not only once.
          lastWarning = now;
          log.warn(
              "{} still failing after {} attempts over {} s: {}",
              name,
              failures,
              failingFor().toSeconds(),
              e.toString());
        } else {
          log.debug("{} failed again ({} in a row): {}", name, failures, e.toString());
        }
        pause(backoff(failures));
      }
    }
  }

  Duration backoff(int failures) {
    long millis = 100L << Math.min(failures - 1, 16);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
  }

  private void pause(Duration duration) {
    if (duration.isZero() || !running) {
      return;
    }
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A stop() interrupt ends the pause; the flag ends the loop.
    Thread.interrupted();
  }
}
