package io.upwatch.common.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.common.Streams;
import io.upwatch.common.queue.QueueRedis;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Workers' beats and departures, read back per region, on a single Redis and on a cluster. */
@ParameterizedClass
@EnumSource(QueueRedis.Topology.class)
class RegionPresenceTests {

  @Parameter QueueRedis.Topology topology;

  private QueueRedis redis;
  private RegionPresence presence;

  @BeforeEach
  void connect() {
    redis = QueueRedis.connect(topology);
    redis.flush();
    presence = new RegionPresence(redis.redis);
  }

  @AfterEach
  void disconnect() {
    redis.flush();
    redis.close();
  }

  @Test
  void beatingWorkersAreCountedLivePerRegion() {
    Instant before = Instant.now().minusSeconds(5);
    presence.beat("eu", "eu-1");
    presence.beat("eu", "eu-2");
    presence.beat("us", "us-1");
    presence.beat("eu", "eu-1");

    var regions = presence.read();

    assertThat(regions).containsOnlyKeys("eu", "us");
    assertThat(regions.get("eu").live()).isEqualTo(2);
    assertThat(regions.get("us").live()).isEqualTo(1);
    assertThat(regions.get("eu").lastSeenAt()).isBetween(before, Instant.now().plusSeconds(5));
  }

  @Test
  void aWorkerThatLeftIsNotLiveButItsRegionsLastSightingStays() {
    presence.beat("ap", "ap-1");
    presence.beat("ap", "ap-2");

    presence.leave("ap", "ap-1");
    assertThat(presence.read().get("ap").live()).isEqualTo(1);
    presence.leave("ap", "ap-2");

    var ap = presence.read().get("ap");
    assertThat(ap.live()).isZero();
    assertThat(ap.isLive()).isFalse();
    assertThat(ap.lastSeenAt()).isNotNull();
  }

  @Test
  void aWorkerThatMissedThreeBeatsIsNotLiveAndOneGoneForADayIsForgotten() {
    long now = Instant.now().toEpochMilli();
    var workers = redis.redis.opsForZSet();
    workers.add(
        Streams.REGION_WORKERS, "eu/silent", now - RegionPresence.LIVE_WITHIN.toMillis() - 2_000);
    long dayAgo = now - RegionPresence.FORGET_AFTER.toMillis() - 60_000;
    workers.add(Streams.REGION_WORKERS, "us/long-gone", dayAgo);
    workers.add(Streams.REGION_WORKERS, "ap/left-long-ago", -dayAgo);

    assertThat(presence.read().get("eu").live()).isZero();
    presence.beat("eu", "eu-1");

    var regions = presence.read();
    assertThat(regions).containsOnlyKeys("eu");
    assertThat(regions.get("eu").live()).isEqualTo(1);
    assertThat(regions.get("eu").lastSeenAt())
        .isAfter(Instant.ofEpochMilli(now).minus(Duration.ofSeconds(5)));
  }
}
