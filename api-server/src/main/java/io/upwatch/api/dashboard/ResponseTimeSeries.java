package io.upwatch.api.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Where the response-time chart's buckets come from. The raw checks ({@link RawCheckSeries}) cover
 * the windows within their retention; the hook for longer ones (90 d from daily rollups) is another
 * bean of this type that {@link #covers} them.
 */
interface ResponseTimeSeries {

  boolean covers(ChartWindow window);

  /** The URL's buckets over the window ending at {@code now}, oldest first, empty ones left out. */
  List<ChartPoint> series(long urlId, ChartWindow window, Instant now);
}
