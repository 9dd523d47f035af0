package io.upwatch.monitoringworker.check;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.upwatch.common.queue.QueuePartitions;
import io.upwatch.common.queue.TaskQueue;
import io.upwatch.common.region.RegionPresence;
import io.upwatch.monitoringworker.MonitoringProperties;
import io.upwatch.monitoringworker.TestRedis;
import io.upwatch.monitoringworker.probe.Prober;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Workers built from their parts without Spring, on the local Redis; closes what it opened. */
final class TestWorkers implements AutoCloseable {

  static final int REDIS_PORT = 6379;
  static final QueuePartitions PARTITIONS = new QueuePartitions(16);

  private final int database;
  private final List<LettuceConnectionFactory> connections = new ArrayList<>();

  TestWorkers(int ownDatabase) {
    this.database = TestRedis.database(ownDatabase);
  }

  StringRedisTemplate connect(int port) {
    var configuration = new RedisStandaloneConfiguration("127.0.0.1", port);
    configuration.setDatabase(database);
    var factory = new LettuceConnectionFactory(configuration);
    factory.afterPropertiesSet();
    factory.start();
    connections.add(factory);
    return new StringRedisTemplate(factory);
  }

  /** A worker with its own connections to the local Redis, as a worker process has. */
  TaskConsumer consumer(Prober prober, MonitoringProperties properties) {
    var redis = connect(REDIS_PORT);
    return consumer(
        prober, properties, QueueConfiguration.tasks(redis, PARTITIONS, properties), redis);
  }

  /** A worker reading {@code tasks} and publishing results over {@code redis}. */
  static TaskConsumer consumer(
      Prober prober, MonitoringProperties properties, TaskQueue tasks, StringRedisTemplate redis) {
    var metrics = new WorkerMetrics(new SimpleMeterRegistry());
    var clock = Clock.systemUTC();
    var results = QueueConfiguration.results(redis, PARTITIONS, properties);
    var runner =
        new CheckRunner(prober, tasks, results, metrics, new OutageLog(clock), clock, properties);
    var beat = new RegionBeat(new RegionPresence(redis), properties);
    return new TaskConsumer(tasks, runner, beat, metrics, clock, properties);
  }

  @Override
  public void close() {
    connections.forEach(LettuceConnectionFactory::destroy);
  }
}
