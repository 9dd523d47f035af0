package io.upwatch.localworker.schedule;

import io.upwatch.common.CheckTask;
import java.util.List;

/**
 * A check that is due, as the claim found it: its task, and the regions the URL is checked from.
 *
 * @param regions the URL's own regions, or empty for every region of the deployment
 */
record DueCheck(CheckTask task, List<String> regions) {

  DueCheck {
    regions = regions == null ? List.of() : List.copyOf(regions);
  }
}
