package io.upwatch.common.region;

import io.upwatch.common.Streams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Which monitoring workers are alive, in which region: each worker beats every {@link #BEAT} into
 * one sorted set ({@code upwatch:region-workers}, member {@code <region>/<workerId>}, score the
 * time of its last beat by Redis' clock, so the hosts' clocks do not matter), and on stopping marks
 * itself gone (the score negated: its last sighting stays known). A worker is live while its last
 * beat is at most {@link #LIVE_WITHIN} old (three missed beats); workers not seen for {@link
 * #FORGET_AFTER} are deleted. One key, so it works on a Redis Cluster as on a single server.
 */
public class RegionPresence {

  /** How often a monitoring worker beats. */
  public static final Duration BEAT = Duration.ofSeconds(5);

  /** A worker whose last beat is older than this (three missed beats) is not live. */
  public static final Duration LIVE_WITHIN = BEAT.multipliedBy(3);

  /** How long a gone worker stays listed: its region's last sighting stays known this long. */
  public static final Duration FORGET_AFTER = Duration.ofDays(1);

  private static final RedisScript<Long> RECORD_SCRIPT =
      RedisScript.of(
          """
          local time = redis.call('TIME')
          local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
          local cut = now - tonumber(ARGV[2])
          redis.call('ZADD', KEYS[1], now * tonumber(ARGV[3]), ARGV[1])
          redis.call('ZREMRANGEBYSCORE', KEYS[1], '(' .. (-cut), '(' .. cut)
          return now
          """,
          Long.class);

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> READ_SCRIPT =
      RedisScript.of(
          """
          local time = redis.call('TIME')
          local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
          local reply = {tostring(now)}
          local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
          for i = 1, #members do reply[#reply + 1] = members[i] end
          return reply
          """,
          List.class);

  // The sign of a worker's score: its last beat, or (negated) the moment it stopped.
  private static final String ALIVE = "1";
  private static final String GONE = "-1";

  private final StringRedisTemplate redis;

  public RegionPresence(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Records that the worker is alive now, and forgets workers not seen for long. */
  public void beat(String region, String workerId) {
    record(region, workerId, ALIVE);
  }

  /** Records that the worker stopped: its region counts one live worker fewer at once. */
  public void leave(String region, String workerId) {
    record(region, workerId, GONE);
  }

  private void record(String region, String workerId, String sign) {
    redis.execute(
        RECORD_SCRIPT,
        List.of(Streams.REGION_WORKERS),
        member(region, workerId),
        Long.toString(FORGET_AFTER.toMillis()),
        sign);
  }

  /** Every region a worker was seen in within {@link #FORGET_AFTER}, by name. */
  public Map<String, RegionWorkers> read() {
    List<?> reply = redis.execute(READ_SCRIPT, List.of(Streams.REGION_WORKERS));
    long now = Long.parseLong(String.valueOf(reply.getFirst()));
    long liveSince = now - LIVE_WITHIN.toMillis();
    Map<String, RegionWorkers> regions = new TreeMap<>();
    for (int i = 1; i + 1 < reply.size(); i += 2) {
      String member = String.valueOf(reply.get(i));
      long score = (long) Double.parseDouble(String.valueOf(reply.get(i + 1)));
      long seen = Math.abs(score);
      int slash = member.indexOf('/');
      if (slash <= 0) {
        continue;
      }
      regions.merge(
          member.substring(0, slash),
          new RegionWorkers(score >= liveSince ? 1 : 0, Instant.ofEpochMilli(seen)),
          RegionWorkers::plus);
    }
    return regions;
  }

  private static String member(String region, String workerId) {
    return region + "/" + workerId;
  }
}
