package io.upwatch.monitoring.probe;

import io.upwatch.common.outbound.GuardedResolver;
import io.upwatch.common.outbound.TargetPolicy;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/** Builds the Jetty client that runs checks: no shared state between checks, bounded everything. */
final class ProbeClients {

  private static final int MAX_RESPONSE_HEADERS_BYTES = 16 * 1024;
  private static final long DESTINATION_IDLE_MILLIS = 10_000;

  private ProbeClients() {}

  static HttpClient start(ProbeSettings settings, TargetPolicy policy) throws Exception {
    // Nothing on this pool blocks (lookups run elsewhere, bodies are counted and dropped), so a
    // few threads a core keep up; Jetty's default of 200 grew to 192 threads under load, each
    // with its stack, and only added context switches.
    var threads = new QueuedThreadPool(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    threads.setName("probe");
    threads.setDaemon(true);
    var scheduler = new ScheduledExecutorScheduler("probe-scheduler", true);
    // Name lookups block; keep them off Jetty's pool so slow DNS cannot starve I/O callbacks.
    ThreadFactory lookupThreads = Thread.ofVirtual().name("probe-dns-", 0).factory();
    Executor lookups = lookup -> lookupThreads.newThread(lookup).start();
    var client = new HttpClient();
    client.setName("probe");
    client.setExecutor(threads);
    client.setScheduler(scheduler);
    client.setSocketAddressResolver(
        new GuardedResolver(
            new SocketAddressResolver.Async(
                lookups, scheduler, settings.maxCheckTimeout().toMillis()),
            policy));
    // Certificates are verified (trust-all off, host names checked): a bad one fails the check.
    client.setSslContextFactory(new SslContextFactory.Client());
    client.setConnectTimeout(settings.connectTimeout().toMillis());
    // Only a backstop: the per-request total deadline ends every check first.
    client.setIdleTimeout(settings.maxCheckTimeout().toMillis() + 1_000);
    client.setFollowRedirects(false);
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.getContentDecoderFactories().clear();
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, settings.userAgent()));
    client.setMaxConnectionsPerDestination(settings.maxConnections());
    client.setMaxRequestsQueuedPerDestination(settings.maxConnections());
    client.setDestinationIdleTimeout(DESTINATION_IDLE_MILLIS);
    client.setMaxResponseHeadersSize(MAX_RESPONSE_HEADERS_BYTES);
    client.start();
    return client;
  }
}
