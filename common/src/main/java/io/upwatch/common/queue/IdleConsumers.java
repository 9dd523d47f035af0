package io.upwatch.common.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.core.StreamOperations;

/**
 * Deletes a group's consumers that own nothing in any partition and were idle long in every one:
 * consumer names are new per process, so every restart would otherwise leave one behind for good.
 */
final class IdleConsumers {

  private static final Logger log = LoggerFactory.getLogger(IdleConsumers.class);

  private final StreamOperations<String, Object, Object> streams;
  private final IntFunction<String> stream;
  private final int partitions;
  private final String group;

  IdleConsumers(
      StreamOperations<String, Object, Object> streams,
      IntFunction<String> stream,
      int partitions,
      String group) {
    this.streams = streams;
    this.stream = stream;
    this.partitions = partitions;
    this.group = group;
  }

  /** Forgets the idle consumers other than {@code self}; returns how many. */
  int forget(String self, Duration idle) {
    Map<String, Boolean> forgettable = new HashMap<>();
    for (int partition = 0; partition < partitions; partition++) {
      for (var info : streams.consumers(stream.apply(partition), group)) {
        boolean idleAndEmpty = info.pendingCount() == 0 && info.idleTime().compareTo(idle) > 0;
        forgettable.merge(info.consumerName(), idleAndEmpty, Boolean::logicalAnd);
      }
    }
    forgettable.remove(self);
    forgettable.values().removeIf(forget -> !forget);
    for (String consumer : forgettable.keySet()) {
      for (int partition = 0; partition < partitions; partition++) {
        streams.deleteConsumer(stream.apply(partition), Consumer.from(group, consumer));
      }
      log.debug("Forgot idle consumer {} of {}", consumer, group);
    }
    return forgettable.size();
  }
}
