package io.upwatch.monitoringworker.probe;

import io.upwatch.common.outbound.GuardedClients;
import io.upwatch.common.outbound.TargetPolicy;
import java.security.KeyStore;
import org.eclipse.jetty.client.HttpClient;

/** Builds the Jetty client that runs checks: no shared state between checks, bounded everything. */
final class ProbeClients {

  private static final int MAX_RESPONSE_HEADERS_BYTES = 16 * 1024;
  private static final long DESTINATION_IDLE_MILLIS = 10_000;

  private ProbeClients() {}

  static HttpClient start(ProbeSettings settings, TargetPolicy policy, KeyStore trustStore)
      throws Exception {
    // Nothing on this pool blocks (lookups run elsewhere, bodies are counted and dropped), so a
    // few threads a core keep up; Jetty's default of 200 grew to 192 threads under load, each
    // with its stack, and only added context switches.
    var client =
        GuardedClients.create(
            "probe",
            Math.max(8, 4 * Runtime.getRuntime().availableProcessors()),
            policy,
            settings.maxCheckTimeout(),
            settings.userAgent());
    client.setConnectTimeout(settings.connectTimeout().toMillis());
    // Only a backstop: the per-request total deadline ends every check first.
    client.setIdleTimeout(settings.maxCheckTimeout().toMillis() + 1_000);
    // Redirects are followed hop by hop by the prober, each through the guarded resolver.
    client.getContentDecoderFactories().clear();
    client.setMaxConnectionsPerDestination(settings.maxConnections());
    client.setMaxRequestsQueuedPerDestination(settings.maxConnections());
    client.setDestinationIdleTimeout(DESTINATION_IDLE_MILLIS);
    client.setMaxResponseHeadersSize(MAX_RESPONSE_HEADERS_BYTES);
    if (trustStore != null) {
      client.getSslContextFactory().setTrustStore(trustStore);
    }
    client.start();
    return client;
  }
}
