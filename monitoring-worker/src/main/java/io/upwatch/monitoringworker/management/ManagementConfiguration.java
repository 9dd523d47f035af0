package io.upwatch.monitoringworker.management;

import com.sun.net.httpserver.HttpHandler;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** The health and metrics server, over actuator's endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ManagementServerProperties.class)
class ManagementConfiguration {

  // Actuator builds its web extension only for a servlet application; this one is built the same.
  @Bean
  HealthEndpointWebExtension healthEndpointWebExtension(
      HealthContributorRegistry contributors,
      ObjectProvider<ReactiveHealthContributorRegistry> reactiveContributors,
      HealthEndpointGroups groups,
      HealthEndpointProperties properties) {
    return new HealthEndpointWebExtension(
        contributors,
        reactiveContributors.getIfAvailable(),
        groups,
        properties.getLogging().getSlowIndicatorThreshold());
  }

  @Bean
  ManagementServer managementServer(
      ManagementServerProperties properties,
      HealthEndpointWebExtension health,
      ObjectProvider<PrometheusScrapeEndpoint> prometheus,
      InfoEndpoint info,
      ConfigurableEnvironment environment) {
    // Actuator's bodies carry their own Jackson annotations; the defaults write them as MVC does.
    var json = JsonMapper.builder().build();
    var healthHandler = new HealthHandler(health, json);
    Map<String, HttpHandler> routes = new HashMap<>();
    routes.put(HealthHandler.PATH, healthHandler);
    routes.put(HealthHandler.PATH + "/", healthHandler);
    routes.put(InfoHandler.PATH, new InfoHandler(info, json));
    // Absent where metrics export is off (tests without @AutoConfigureMetrics), as with actuator.
    prometheus.ifAvailable(
        scrape -> routes.put(PrometheusHandler.PATH, new PrometheusHandler(scrape)));
    return new ManagementServer(properties, routes, environment);
  }
}
