package io.upwatch.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-drawn SVG: what the line, the gaps and the failure marks say. */
class ChartsTests {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Test
  void theSparklineBreaksWhereAnHourHadNoResponseAndMarksHoursWithFailures() {
    Double[] latency = new Double[HourlyBuckets.DAY];
    boolean[] failures = new boolean[HourlyBuckets.DAY];
    latency[0] = 10.0;
    latency[1] = 20.0;
    latency[5] = 40.0;
    failures[5] = true;

    Sparkline line = Sparkline.of(latency, failures);

    assertThat(line.path()).startsWith("M0.0 ").containsOnlyOnce("L");
    assertThat(line.path().chars().filter(c -> c == 'M')).hasSize(2);
    assertThat(line.failureTicks()).hasSize(1);
    assertThat(line.summary()).contains("10 to 40 ms", "1 hours with failures");
  }

  @Test
  void aSparklineWithoutResponsesSaysSo() {
    Sparkline line = Sparkline.of(new Double[HourlyBuckets.DAY], new boolean[HourlyBuckets.DAY]);
    assertThat(line.path()).isEmpty();
    assertThat(line.summary()).isEqualTo("No responses in the last 24 hours");
  }

  @Test
  void hourlyBucketsGiveUptimeOverTheLastDayAndTheWeek() {
    var hours = new HourlyBuckets();
    hours.add(0, 60, 30, 100.0); // six days ago: half failed
    hours.add(HourlyBuckets.HOURS - 1, 60, 60, 50.0); // the last hour: all fine
    assertThat(hours.uptimePercent(HourlyBuckets.DAY)).isEqualTo(100.0);
    assertThat(hours.uptimePercent(HourlyBuckets.HOURS)).isEqualTo(75.0);
    assertThat(new HourlyBuckets().uptimePercent(HourlyBuckets.DAY)).isNull();
  }

  @Test
  void theChartShadesFailedBucketsAndJoinsOnlyAdjacentOnes() {
    Instant from = NOW.minus(Duration.ofHours(1));
    List<ChartPoint> points =
        List.of(
            new ChartPoint(from, 1, 0, 20.0, 20.0),
            new ChartPoint(from.plusSeconds(60), 1, 1, 80.0, 80.0),
            new ChartPoint(from.plusSeconds(600), 1, 0, 30.0, 30.0));

    ResponseTimeChart chart = ResponseTimeChart.of(points, ChartWindow.HOUR, NOW);

    assertThat(chart.line().chars().filter(c -> c == 'M')).hasSize(2);
    assertThat(chart.failures())
        .singleElement()
        .extracting(ResponseTimeChart.Band::title)
        .isEqualTo("1 of 1 checks failed");
    assertThat(chart.yTicks())
        .extracting(ResponseTimeChart.Tick::label)
        .containsExactly("0 ms", "50 ms", "100 ms");
    assertThat(chart.xTicks())
        .extracting(ResponseTimeChart.Tick::label)
        .containsExactly("−60 min", "−45 min", "−30 min", "−15 min", "now");
    assertThat(chart.summary()).contains("up to 80 ms", "1 failed checks");
  }
}
