package io.upwatch.bench;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.upwatch.common.TaskId;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a window's schedule lag arises, from the time each task entered its task stream (every
 * partition's of every region; its entry id is the append time in milliseconds): slot to append is
 * the scheduler's share (claim cadence and pass time), append to check start the queue's and the
 * monitoring worker's (read, dispatch, waiting for a carrier thread or a free permit).
 */
final class LagBreakdown {

  private static final int CHUNK = 10_000;

  private LagBreakdown() {}

  static Map<String, Object> measure(
      RedisCommands<String, String> redis, Connection db, Instant from, Instant to)
      throws Exception {
    Map<String, Long> appended = new HashMap<>();
    for (String stream : redis.keys(StreamBacklog.TASK_STREAMS)) {
      if (stream.endsWith(":dead") || !"stream".equals(redis.type(stream))) {
        continue;
      }
      read(redis, stream, from, to, appended);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (appended.isEmpty()) {
      return m;
    }
    List<Long> scheduling = new ArrayList<>();
    List<Long> pickup = new ArrayList<>();
    try (var q =
        db.prepareStatement(
            "SELECT url_id, slot, started_at FROM checks WHERE slot >= ? AND slot < ?")) {
      q.setTimestamp(1, Timestamp.from(from));
      q.setTimestamp(2, Timestamp.from(to));
      try (var rs = q.executeQuery()) {
        while (rs.next()) {
          Instant slot = rs.getTimestamp(2).toInstant();
          Long append = appended.get(new TaskId(rs.getLong(1), slot).toString());
          if (append != null) {
            scheduling.add(append - slot.toEpochMilli());
            pickup.add(rs.getTimestamp(3).getTime() - append);
          }
        }
      }
    }
    scheduling.sort(null);
    pickup.sort(null);
    m.put("tasksMatched", scheduling.size());
    m.put("slotToTaskAppendedP50Ms", ApiBench.percentile(scheduling, 0.5));
    m.put("slotToTaskAppendedP99Ms", ApiBench.percentile(scheduling, 0.99));
    m.put("taskAppendedToCheckStartP50Ms", ApiBench.percentile(pickup, 0.5));
    m.put("taskAppendedToCheckStartP99Ms", ApiBench.percentile(pickup, 0.99));
    return m;
  }

  // Tasks of the window's slots were appended from its start to some seconds after its end.
  private static void read(
      RedisCommands<String, String> redis,
      String stream,
      Instant from,
      Instant to,
      Map<String, Long> appended) {
    long end = to.plus(Duration.ofSeconds(15)).toEpochMilli();
    Range.Boundary<String> lower = Range.Boundary.including(from.toEpochMilli() + "-0");
    while (true) {
      List<StreamMessage<String, String>> entries =
          redis.xrange(
              stream,
              Range.from(lower, Range.Boundary.including(end + "-0")),
              Limit.create(0, CHUNK));
      for (var entry : entries) {
        String id = entry.getBody().get("id");
        if (id == null) {
          continue;
        }
        Instant slot = TaskId.parse(id).slot();
        if (!slot.isBefore(from) && slot.isBefore(to)) {
          String streamId = entry.getId();
          appended.putIfAbsent(id, Long.parseLong(streamId.substring(0, streamId.indexOf('-'))));
        }
      }
      if (entries.size() < CHUNK) {
        return;
      }
      lower = Range.Boundary.excluding(entries.getLast().getId());
    }
  }
}
