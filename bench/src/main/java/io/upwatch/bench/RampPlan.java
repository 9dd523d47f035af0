package io.upwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end capacity ramp: offered rates from {@code start} up to {@code max} checks a second
 * in steps of {@code step}, each reached by adding URLs, given {@code warmUpSeconds} to settle and
 * then judged over {@code holdSeconds}. The first step also warms up the cold JVMs, for {@code
 * firstWarmUpSeconds}.
 *
 * <p>Environment: {@code BENCH_RAMP_START} (1,000), {@code BENCH_RAMP_STEP} (1,000), {@code
 * BENCH_RAMP_MAX} (10,000) checks a second; {@code BENCH_WARM_UP_SECONDS} (60) for the first step,
 * {@code BENCH_STEP_WARM_UP_SECONDS} (20) for the others, {@code BENCH_STEP_SECONDS} (40; the older
 * {@code BENCH_SECONDS} too) held and judged. {@code BENCH_URLS} (the older fixed-rate knob) makes
 * a single step of that many URLs.
 */
record RampPlan(
    int start,
    int step,
    int max,
    int intervalSeconds,
    int firstWarmUpSeconds,
    int warmUpSeconds,
    int holdSeconds) {

  RampPlan {
    if (start < 1 || step < 1 || max < start || intervalSeconds < 1) {
      throw new IllegalArgumentException(
          "The ramp needs 1 <= start <= max, a positive step and interval: " + start + ", " + max);
    }
    if (holdSeconds < intervalSeconds) {
      throw new IllegalArgumentException(
          "A step must be held for at least one interval (" + intervalSeconds + " s)");
    }
  }

  static RampPlan from(Map<String, String> env, int interval) {
    int hold =
        Settings.number(env, "BENCH_STEP_SECONDS", Settings.number(env, "BENCH_SECONDS", 40));
    int firstWarmUp = Settings.number(env, "BENCH_WARM_UP_SECONDS", 60);
    int warmUp = Settings.number(env, "BENCH_STEP_WARM_UP_SECONDS", 20);
    int fixedUrls = Settings.number(env, "BENCH_URLS", 0);
    if (fixedUrls > 0) {
      int rate = Math.max(1, Math.round(fixedUrls / (float) interval));
      return new RampPlan(rate, rate, rate, interval, firstWarmUp, warmUp, hold);
    }
    return new RampPlan(
        Settings.number(env, "BENCH_RAMP_START", 1000),
        Settings.number(env, "BENCH_RAMP_STEP", 1000),
        Settings.number(env, "BENCH_RAMP_MAX", 10_000),
        interval,
        firstWarmUp,
        warmUp,
        hold);
  }

  /** The offered rates, lowest first. */
  List<Integer> rates() {
    List<Integer> rates = new ArrayList<>();
    for (long rate = start; rate <= max; rate += step) {
      rates.add((int) rate);
    }
    return rates;
  }

  /** URLs that offer {@code rate} checks a second at the interval. */
  int urlsFor(int rate) {
    return rate * intervalSeconds;
  }

  /** Longest the ramp can take, warm-ups and holds, without the roles' start. */
  int longestSeconds() {
    int steps = rates().size();
    return firstWarmUpSeconds + steps * holdSeconds + (steps - 1) * warmUpSeconds + warmUpSeconds;
  }
}
