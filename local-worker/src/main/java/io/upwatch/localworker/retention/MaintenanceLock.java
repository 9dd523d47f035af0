package io.upwatch.localworker.retention;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets one local worker at a time run a maintenance task (partition maintenance, history purges),
 * with a Redisson lock per task. A worker that finds the lock taken skips its pass: another worker
 * is doing the work. The lock is held without a fixed lease; Redisson's watchdog renews it while
 * the holder lives, so a worker that dies frees it within the watchdog timeout (30 s).
 *
 * <p>Without Redis the task runs anyway, unguarded here: maintenance must not stop with Redis
 * (partitions for the coming days would run out), and each task is safe when run twice at once
 * (partition maintenance also takes an advisory lock in PostgreSQL; purges delete idempotently).
 */
@Component
public class MaintenanceLock {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceLock.class);
  private static final String PREFIX = "upwatch:maintenance:";

  private final RedissonClient redisson;

  MaintenanceLock(RedissonClient redisson) {
    this.redisson = redisson;
  }

  /**
   * Runs the task unless another worker is running it.
   *
   * @param task the task's name, the same in every worker
   * @param work the task
   * @return false when the pass was skipped because another worker holds the lock
   */
  public boolean runExclusively(String task, Runnable work) {
    RLock lock = redisson.getLock(PREFIX + task);
    boolean locked;
    try {
      locked = lock.tryLock();
    } catch (RedisException e) {
      log.warn("Maintenance lock unavailable, running {} unguarded: {}", task, e.getMessage());
      work.run();
      return true;
    }
    if (!locked) {
      log.debug("Skipped {}: another worker is running it", task);
      return false;
    }
    try {
      work.run();
      return true;
    } finally {
      unlock(task, lock);
    }
  }

  private static void unlock(String task, RLock lock) {
    try {
      lock.unlock();
    } catch (RedisException | IllegalMonitorStateException e) {
      // The watchdog stops renewing; the lock lapses within its timeout.
      log.warn("Could not release the lock of {}: {}", task, e.getMessage());
    }
  }
}
