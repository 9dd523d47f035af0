package io.upwatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A role's {@code /actuator/prometheus} samples, read once: series (name and labels) to value. */
record Prometheus(Map<String, Double> series) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Reads the role's metrics; none (an empty reading) when it does not answer. */
  static Prometheus scrape(int port) {
    return scrape(port, "");
  }

  /**
   * Reads only the named series, as a poller that wants one gauge every second should: a whole
   * scrape every second would cost the role more than the Prometheus of a real deployment does (one
   * every 15 to 60 s), and the bench would count that cost as the role's.
   */
  static Prometheus scrapeOnly(int port, String... names) {
    return scrape(port, "?includedNames=" + String.join(",", names));
  }

  private static Prometheus scrape(int port, String query) {
    Map<String, Double> series = new LinkedHashMap<>();
    try {
      var request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + "/actuator/prometheus" + query))
              .timeout(Duration.ofSeconds(5))
              .build();
      String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
      for (String line : body.split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int space = line.lastIndexOf(' ');
        try {
          series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          // not a sample line
        }
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    return new Prometheus(series);
  }

  /** The sum of every series of the metric whose labels contain each of {@code labels}. */
  double sum(String metric, String... labels) {
    double sum = 0;
    boolean found = false;
    for (var entry : series.entrySet()) {
      String key = entry.getKey();
      if (!(key.equals(metric) || key.startsWith(metric + "{"))) {
        continue;
      }
      boolean matches = true;
      for (String label : labels) {
        matches &= key.contains(label);
      }
      if (matches) {
        sum += entry.getValue();
        found = true;
      }
    }
    return found ? sum : Double.NaN;
  }
}
