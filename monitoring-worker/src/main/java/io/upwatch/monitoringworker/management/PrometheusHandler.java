package io.upwatch.monitoringworker.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;

/**
 * {@code /actuator/prometheus}: actuator's scrape, in OpenMetrics when the scraper asks for it (as
 * Prometheus does), else in the text format 0.0.4. As with actuator, {@code includedNames} (comma
 * separated or repeated) limits it to those series: a poller that wants one gauge every second then
 * costs the worker a few series, not the whole registry written out.
 */
final class PrometheusHandler implements HttpHandler {

  static final String PATH = "/actuator/prometheus";
  private static final String INCLUDED_NAMES = "includedNames=";

  private final PrometheusScrapeEndpoint scrape;

  PrometheusHandler(PrometheusScrapeEndpoint scrape) {
    this.scrape = scrape;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    PrometheusOutputFormat format =
        accept != null && accept.contains("application/openmetrics-text")
            ? PrometheusOutputFormat.CONTENT_TYPE_OPENMETRICS_100
            : PrometheusOutputFormat.CONTENT_TYPE_004;
    WebEndpointResponse<byte[]> response =
        scrape.scrape(format, includedNames(exchange.getRequestURI().getRawQuery()));
    ManagementServer.respond(
        exchange,
        response.getStatus(),
        format.getProducedMimeType().toString(),
        response.getBody());
  }

  /** The names the query asks for, or null (every series) when it names none. */
  private static Set<String> includedNames(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (String parameter : rawQuery.split("&")) {
      if (parameter.startsWith(INCLUDED_NAMES)) {
        String value =
            URLDecoder.decode(parameter.substring(INCLUDED_NAMES.length()), StandardCharsets.UTF_8);
        for (String name : value.split(",")) {
          if (!name.isBlank()) {
            names.add(name.strip());
          }
        }
      }
    }
    return names.isEmpty() ? null : names;
  }
}
