package io.upwatch.api.dashboard;

import java.time.Instant;

/**
 * One bucket of the response-time chart.
 *
 * @param start the bucket's start
 * @param checks checks in it
 * @param failures failed checks in it
 * @param averageMs average latency of the checks that got a response, or null
 * @param maxMs the highest such latency, or null
 */
record ChartPoint(Instant start, long checks, long failures, Double averageMs, Double maxMs) {}
