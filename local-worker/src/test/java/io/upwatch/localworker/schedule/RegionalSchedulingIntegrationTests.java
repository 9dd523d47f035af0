package io.upwatch.localworker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/** Scheduling in a deployment of three regions, of which only some have live workers. */
@WorkerIntegrationTest
@TestPropertySource(properties = "upwatch.regions=eu,us,ap")
class RegionalSchedulingIntegrationTests {

  @Autowired CheckScheduler scheduler;
  @Autowired Fixtures fixtures;
  @Autowired MeterRegistry meters;
  @Autowired StringRedisTemplate redis;

  @BeforeEach
  void euAndUsHaveLiveWorkers() {
    fixtures.reset();
    fixtures.liveWorkerIn("eu");
    fixtures.liveWorkerIn("us");
  }

  @Test
  void eachLiveRegionGetsItsOwnTaskForTheSlotAndARegionWithoutWorkersGetsNone() {
    Instant due = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
    long id = fixtures.url("site", 1, 60, due);
    double skippedBefore = skipped("ap");

    scheduler.schedulePass();

    assertThat(fixtures.tasks("eu"))
        .singleElement()
        .satisfies(t -> assertThat(t.id().urlId()).isEqualTo(id));
    assertThat(fixtures.tasks("us")).singleElement().isEqualTo(fixtures.tasks("eu").getFirst());
    assertThat(fixtures.tasks("ap")).isEmpty();
    assertThat(redis.keys("upwatch:*:tasks:ap*")).as("no stream of the absent region").isEmpty();
    assertThat(skipped("ap") - skippedBefore).isEqualTo(1);
  }

  @Test
  void aUrlWithItsOwnRegionsIsCheckedFromThoseOnly() {
    long id = fixtures.url("site", 1, 60, Instant.now().minusSeconds(5));
    fixtures.jdbc().sql("UPDATE urls SET regions = ARRAY['us'] WHERE id = ?").param(id).update();

    scheduler.schedulePass();

    assertThat(fixtures.tasks("us")).hasSize(1);
    assertThat(fixtures.tasks("eu")).isEmpty();
  }

  @Test
  void aRegionWhoseLastWorkerLeftGetsNoMoreTasks() {
    fixtures.url("site", 1, 60, Instant.now().minusSeconds(5));
    fixtures.noWorkerIn("us");
    double skippedBefore = skipped("us");

    scheduler.schedulePass();

    assertThat(fixtures.tasks("eu")).hasSize(1);
    assertThat(fixtures.tasks("us")).isEmpty();
    assertThat(skipped("us") - skippedBefore).isEqualTo(1);
  }

  private double skipped(String region) {
    var counter = meters.find("upwatch.schedule.tasks.skipped").tag("region", region).counter();
    return counter == null ? 0 : counter.count();
  }
}
