package io.upwatch.localworker.heartbeat;

import io.upwatch.common.loop.WorkerLoop;
import io.upwatch.localworker.config.WorkerProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs missed-ping passes until shutdown, at the scheduler's tick. */
@Configuration(proxyBeanMethods = false)
class HeartbeatConfiguration {

  @Bean
  WorkerLoop missedPingLoop(MissedPingPass pass, WorkerProperties properties) {
    return new WorkerLoop(
        "missed-pings",
        pass::judgePass,
        properties.scheduleTick(),
        Duration.ofSeconds(1),
        10,
        properties.autostart());
  }
}
