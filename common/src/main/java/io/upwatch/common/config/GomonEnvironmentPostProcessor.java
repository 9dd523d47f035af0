package io.upwatch.common.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Adds the {@link GomonAliases} of the process environment just below the environment itself: above
 * every configuration file, below Upwatch's own variable names.
 */
public class GomonEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE_NAME = "gomonEnvironmentAliases";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> aliases = GomonAliases.translate(System.getenv());
    if (aliases.isEmpty() || environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    var source = new MapPropertySource(SOURCE_NAME, aliases);
    var sources = environment.getPropertySources();
    if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
      sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
    } else {
      sources.addLast(source);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
