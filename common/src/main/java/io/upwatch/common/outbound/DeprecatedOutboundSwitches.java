package io.upwatch.common.outbound;

import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the two former switches of the outbound policy working: when {@code
 * upwatch.outbound.block-private-targets} is not set and either {@code
 * upwatch.monitoring.block-private-targets} or {@code upwatch.notify.block-private-targets} (e.g.
 * {@code UPWATCH_MONITORING_BLOCK_PRIVATE_TARGETS}) is true, private targets are blocked, with a
 * warning naming the new setting. Either one is enough: blocking is the safe reading of a
 * configuration that asked for it anywhere.
 */
public class DeprecatedOutboundSwitches implements EnvironmentPostProcessor {

  static final String SETTING = "upwatch.outbound.block-private-targets";
  static final List<String> DEPRECATED =
      List.of("upwatch.monitoring.block-private-targets", "upwatch.notify.block-private-targets");

  private final Log log;

  public DeprecatedOutboundSwitches(DeferredLogFactory logs) {
    this.log = logs.getLog(DeprecatedOutboundSwitches.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty(SETTING)) {
      return;
    }
    for (String deprecated : DEPRECATED) {
      if (environment.getProperty(deprecated, Boolean.class, false)) {
        log.warn(
            deprecated
                + " is deprecated: set "
                + SETTING
                + " (UPWATCH_OUTBOUND_BLOCK_PRIVATE_TARGETS)");
        environment
            .getPropertySources()
            .addLast(new MapPropertySource("deprecatedOutboundSwitches", Map.of(SETTING, true)));
        return;
      }
    }
  }
}
