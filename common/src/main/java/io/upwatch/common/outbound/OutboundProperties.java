package io.upwatch.common.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbound policy, bound from {@code upwatch.outbound.*}: one switch for every connection to a
 * user-supplied address, the monitoring worker's checks and the local worker's webhook and Slack
 * deliveries alike. The former per-role switches {@code upwatch.monitoring.block-private-targets}
 * and {@code upwatch.notify.block-private-targets} are still read (deprecated; see {@link
 * DeprecatedOutboundSwitches}).
 *
 * @param blockPrivateTargets refuse addresses that are private, loopback, link-local (cloud
 *     metadata included) or multicast, checked after DNS on every connection and redirect hop;
 *     {@code false} (the default) lets users watch internal services, {@code true} is for
 *     multi-tenant installs
 */
@Validated
@ConfigurationProperties(prefix = "upwatch.outbound")
public record OutboundProperties(@DefaultValue("false") boolean blockPrivateTargets) {

  /** The policy these settings ask for. */
  public TargetPolicy targetPolicy() {
    return TargetPolicy.of(blockPrivateTargets);
  }
}
