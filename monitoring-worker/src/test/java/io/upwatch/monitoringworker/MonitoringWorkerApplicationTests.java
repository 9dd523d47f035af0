package io.upwatch.monitoringworker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker's context holds what it uses and not what the classpath alone would switch on: each
 * auto-configuration left out keeps its classes out of metaspace for good.
 */
@SpringBootTest(properties = "upwatch.monitoring.read-block=200ms")
@DirtiesContext
@Timeout(60)
class MonitoringWorkerApplicationTests {

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void noRedis(DynamicPropertyRegistry registry) throws Exception {
    TestRedis.down(registry);
  }

  @Test
  void leavesOutTheReactiveTemplateTransactionsExecutorsAndDiskSpace() {
    assertThat(context.getBeanNamesForType(ReactiveRedisTemplate.class)).isEmpty();
    assertThat(context.getBeanNamesForType(DataRedisReactiveHealthIndicator.class)).isEmpty();
    assertThat(context.getBeanNamesForType(ThreadPoolTaskExecutor.class)).isEmpty();
    assertThat(context.containsBean("transactionManagerCustomizers")).isFalse();
    assertThat(context.containsBean("diskSpaceHealthIndicator")).isFalse();
  }

  @Test
  void keepsTheBlockingTemplateAndRedisHealthThatReadinessNeeds() {
    assertThat(context.getBeanNamesForType(StringRedisTemplate.class)).isNotEmpty();
    assertThat(context.getBeanNamesForType(DataRedisHealthIndicator.class)).isNotEmpty();
  }
}
