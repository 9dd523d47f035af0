package io.upwatch.localworker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When new checks need no replay: minutes 0, 1, 2… of one grid, a threshold of 2 failures in 5
 * minutes, checked every minute. Whether a replay that does run gives the right alerts is {@link
 * AlertReplayPropertyTests}' part; here, that the ones skipped could not have changed anything.
 */
class UrlReplayTests {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final AlertRule RULE = new AlertRule(2, Duration.ofMinutes(5));

  @Test
  void aHealthyUrlsSuccessNeedsNone() {
    assertThat(UrlReplay.plan(url("eu"), List.of(success("eu", 9)), List.of(), List.of()))
        .isEmpty();
  }

  @Test
  void aFailureOfAOneRegionUrlWhoseBreachAndAlertAreOpenNeedsNone() {
    var breach = stored(1, "eu", 3);
    var alert = stored(2, "eu", 3);

    assertThat(
            UrlReplay.plan(url("eu"), List.of(failure("eu", 9)), List.of(breach), List.of(alert)))
        .isEmpty();
  }

  @Test
  void aSuccessOfADownUrlIsReplayed() {
    var breach = stored(1, "eu", 3);
    var alert = stored(2, "eu", 3);

    assertThat(
            UrlReplay.plan(url("eu"), List.of(success("eu", 9)), List.of(breach), List.of(alert)))
        .isPresent();
  }

  @Test
  void aFailureDuringABreachWithoutItsAlertIsReplayed() {
    // The URL's regions changed during the breach: under the old quorum no alert opened, and under
    // the new one this check's slot opens it.
    var breach = stored(1, "eu", 3);

    assertThat(UrlReplay.plan(url("eu"), List.of(failure("eu", 9)), List.of(breach), List.of()))
        .isPresent();
  }

  @Test
  void aFailureLearnedBeforeTheAlertOpenedIsReplayed() {
    var breach = stored(1, "eu", 3);
    var alert = stored(2, "eu", 3);

    assertThat(
            UrlReplay.plan(url("eu"), List.of(failure("eu", 3)), List.of(breach), List.of(alert)))
        .isPresent();
  }

  @Test
  void aFailureOfAUrlOfSeveralRegionsIsReplayedForItsLapses() {
    var breach = stored(1, "eu", 3);
    var alert = stored(2, "eu", 3);

    assertThat(
            UrlReplay.plan(
                url("eu", "us"), List.of(failure("eu", 9)), List.of(breach), List.of(alert)))
        .isPresent();
  }

  private static MonitoredUrlRule url(String... regions) {
    Duration interval = Duration.ofMinutes(1);
    return new MonitoredUrlRule(
        1,
        "u",
        "http://127.0.0.1/",
        RULE,
        new QuorumRule(List.of(regions), 1, QuorumRule.lapseOf(RULE.window(), interval)),
        interval,
        Duration.ofSeconds(5));
  }

  /** An open breach or alert of {@code region} from minute {@code trigger}. */
  private static StoredAlert stored(long id, String region, int trigger) {
    return new StoredAlert(id, new AlertSpan(minute(trigger), 2, null, List.of(region)));
  }

  private static CheckPoint failure(String region, int minute) {
    return new CheckPoint(region, minute(minute), false);
  }

  private static CheckPoint success(String region, int minute) {
    return new CheckPoint(region, minute(minute), true);
  }

  private static Instant minute(int n) {
    return T0.plus(Duration.ofMinutes(n));
  }
}
