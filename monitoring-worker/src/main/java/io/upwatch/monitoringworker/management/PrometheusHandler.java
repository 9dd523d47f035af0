package io.upwatch.monitoringworker.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;

/**
 * {@code /actuator/prometheus}: actuator's scrape, in OpenMetrics when the scraper asks for it (as
 * Prometheus does), else in the text format 0.0.4.
 */
final class PrometheusHandler implements HttpHandler {

  static final String PATH = "/actuator/prometheus";

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
    WebEndpointResponse<byte[]> response = scrape.scrape(format, null);
    ManagementServer.respond(
        exchange,
        response.getStatus(),
        format.getProducedMimeType().toString(),
        response.getBody());
  }
}
