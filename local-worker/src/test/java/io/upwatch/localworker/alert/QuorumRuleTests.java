package io.upwatch.localworker.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quorum over regions' breaches, as a pure function: minutes 0, 1, 2… of one grid. */
class QuorumRuleTests {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final List<String> THREE = List.of("eu", "us", "ap");

  @Test
  void withOneRegionTheAlertsAreItsBreaches() {
    var rule = new QuorumRule(List.of("eu"), 1, FIVE_MINUTES);
    var breach = breach("eu", 2, 5, 3);

    assertThat(rule.replay(Map.of("eu", List.of(breach)), everyMinute(0, 8, "eu"), T0, null))
        .containsExactly(breach);
  }

  @Test
  void anAlertLastsWhileAtLeastTheQuorumOfRegionsIsInBreachAndNamesThem() {
    var rule = new QuorumRule(THREE, 2, FIVE_MINUTES);
    var breaches =
        Map.of("eu", List.of(breach("eu", 1, 6, 3)), "us", List.of(breach("us", 3, 4, 5)));

    assertThat(rule.replay(breaches, everyMinute(0, 8, "eu", "us", "ap"), T0, null))
        .containsExactly(new AlertSpan(minute(3), 5, minute(4), List.of("eu", "us")));
  }

  @Test
  void oneRegionInBreachOpensNothingUnderAQuorumOfTwo() {
    var rule = new QuorumRule(THREE, 2, FIVE_MINUTES);

    assertThat(
            rule.replay(
                Map.of("eu", List.of(breach("eu", 1, null, 3))),
                everyMinute(0, 8, "eu", "us", "ap"),
                T0,
                null))
        .isEmpty();
  }

  @Test
  void aRegionWithoutACheckForTheLapseNoLongerCounts() {
    var rule = new QuorumRule(THREE, 2, FIVE_MINUTES);
    List<CheckPoint> checks = new ArrayList<>(everyMinute(0, 4, "us"));
    checks.addAll(everyMinute(0, 12, "eu", "ap"));
    checks.sort(Comparator.comparing(CheckPoint::slot));
    var breaches =
        Map.of("eu", List.of(breach("eu", 2, null, 3)), "us", List.of(breach("us", 2, null, 3)));

    // us last reported at minute 3: it counts up to minute 7, not at minute 8 (3 + 5).
    assertThat(rule.replay(breaches, checks, T0, null))
        .containsExactly(new AlertSpan(minute(2), 3, minute(8), List.of("eu", "us")));
  }

  @Test
  void anAlertOpenBeforeTheReplayIsContinuedOrResolved() {
    var rule = new QuorumRule(THREE, 2, FIVE_MINUTES);
    var open = new AlertSpan(minute(1), 4, null, List.of("eu", "us"));
    var breaches =
        Map.of("eu", List.of(breach("eu", 1, 6, 4)), "us", List.of(breach("us", 1, null, 3)));

    assertThat(rule.replay(breaches, everyMinute(0, 9, "eu", "us"), minute(5), open))
        .containsExactly(open.resolvedAt(minute(6)));
  }

  @Test
  void theLapseIsTheWindowButAtLeastTwoIntervals() {
    assertThat(QuorumRule.lapseOf(FIVE_MINUTES, Duration.ofMinutes(1))).isEqualTo(FIVE_MINUTES);
    assertThat(QuorumRule.lapseOf(Duration.ofSeconds(30), Duration.ofMinutes(1)))
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aQuorumOutsideOneToTheNumberOfRegionsIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new QuorumRule(THREE, 0, FIVE_MINUTES));
    assertThatIllegalArgumentException().isThrownBy(() -> new QuorumRule(THREE, 4, FIVE_MINUTES));
  }

  private static AlertSpan breach(String region, int from, Integer to, int failures) {
    return new AlertSpan(minute(from), failures, to == null ? null : minute(to), List.of(region));
  }

  private static List<CheckPoint> everyMinute(int from, int to, String... regions) {
    List<CheckPoint> checks = new ArrayList<>();
    for (int m = from; m < to; m++) {
      for (String region : regions) {
        checks.add(new CheckPoint(region, minute(m), true));
      }
    }
    return checks;
  }

  private static Instant minute(int minute) {
    return T0.plusSeconds(60L * minute);
  }
}
