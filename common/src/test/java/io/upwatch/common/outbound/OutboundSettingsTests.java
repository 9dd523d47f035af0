package io.upwatch.common.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Map;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OutboundSettingsTests {

  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 80);

  @Test
  void privateTargetsAreAllowedUnlessBlocked() {
    assertThat(bind(Map.of()).blockPrivateTargets()).isFalse();
    assertThat(bind(Map.of()).targetPolicy().permits(LOOPBACK)).isTrue();
    OutboundProperties blocking = bind(Map.of("upwatch.outbound.block-private-targets", "true"));
    assertThat(blocking.targetPolicy().permits(LOOPBACK)).isFalse();
  }

  @Test
  void eitherDeprecatedSwitchStillBlocksPrivateTargets() {
    for (String deprecated : DeprecatedOutboundSwitches.DEPRECATED) {
      assertThat(bind(Map.of(deprecated, "true")).blockPrivateTargets()).as(deprecated).isTrue();
      assertThat(bind(Map.of(deprecated, "false")).blockPrivateTargets()).as(deprecated).isFalse();
    }
  }

  @Test
  void newSettingWinsOverTheDeprecatedOnes() {
    OutboundProperties properties =
        bind(
            Map.of(
                "upwatch.outbound.block-private-targets", "false",
                "upwatch.monitoring.block-private-targets", "true"));

    assertThat(properties.blockPrivateTargets()).isFalse();
  }

  private static OutboundProperties bind(Map<String, Object> settings) {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    new DeprecatedOutboundSwitches(destination -> LogFactory.getLog(OutboundSettingsTests.class))
        .postProcessEnvironment(environment, null);
    return new Binder(ConfigurationPropertySources.get(environment))
        .bindOrCreate("upwatch.outbound", OutboundProperties.class);
  }
}
