package io.upwatch.api.url;

import java.util.HashMap;
import java.util.Map;

/**
 * A threshold the failure window can never exceed at the check interval: the alert rule would never
 * fire, and the user would wrongly believe the URL is watched. Answers with {@code
 * maxReachableThreshold}, the largest threshold that can fire with that window and interval.
 */
class UnreachableThreshold extends InvalidUrlSettings {

  private final int maxReachableThreshold;

  UnreachableThreshold(UrlSettings settings) {
    super("threshold", settings.unreachableRule(), settings.unreachableRule() + ".");
    this.maxReachableThreshold = settings.maxReachableThreshold();
  }

  @Override
  public Map<String, Object> properties() {
    var properties = new HashMap<>(super.properties());
    properties.put("maxReachableThreshold", maxReachableThreshold);
    return properties;
  }
}
