package io.upwatch.localworker.config;

import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.StreamQueue;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.common.region.DeploymentRegions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The publishing end of every region's task queue: one per deployment region, and one made on first
 * use for a region a URL names that the deployment no longer lists.
 */
public class TaskQueues {

  private final StringRedisTemplate redis;
  private final QueuePartitions partitions;
  private final long maxLength;
  private final List<TaskQueue> deployment;
  private final Map<String, TaskQueue> byRegion = new ConcurrentHashMap<>();

  public TaskQueues(
      StringRedisTemplate redis,
      QueuePartitions partitions,
      DeploymentRegions regions,
      long maxLength) {
    this.redis = redis;
    this.partitions = partitions;
    this.maxLength = maxLength;
    this.deployment = regions.regions().stream().map(this::of).toList();
  }

  /** The task queue of a region. */
  public TaskQueue of(String region) {
    return byRegion.computeIfAbsent(
        region, r -> new TaskQueue(redis, partitions, r, maxLength, StreamQueue.UNCAPPED));
  }

  /** The task queues of the deployment's regions, in their configured order. */
  public List<TaskQueue> deployment() {
    return deployment;
  }
}
