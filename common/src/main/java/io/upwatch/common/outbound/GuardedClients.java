package io.upwatch.common.outbound;

import java.time.Duration;
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

/**
 * The Jetty client every connection to a user-supplied address goes through (checks and
 * notification webhooks): addresses resolved through the {@link GuardedResolver} on every
 * connection, certificates verified, no redirects followed, no cookies kept. Callers add their own
 * timeouts and limits, then start it.
 */
public final class GuardedClients {

  private GuardedClients() {}

  /**
   * A configured, not yet started client.
   *
   * @param name thread and client name
   * @param threads size of Jetty's pool; nothing on it blocks, so a few a core are enough
   * @param policy which resolved addresses may be reached
   * @param lookupTimeout the longest a name lookup may take
   * @param userAgent the User-Agent header of every request
   */
  public static HttpClient create(
      String name, int threads, TargetPolicy policy, Duration lookupTimeout, String userAgent) {
    var pool = new QueuedThreadPool(threads);
    pool.setName(name);
    pool.setDaemon(true);
    var scheduler = new ScheduledExecutorScheduler(name + "-scheduler", true);
    // Name lookups block; keep them off Jetty's pool so slow DNS cannot starve I/O callbacks.
    ThreadFactory lookupThreads = Thread.ofVirtual().name(name + "-dns-", 0).factory();
    Executor lookups = lookup -> lookupThreads.newThread(lookup).start();
    var client = new HttpClient();
    client.setName(name);
    client.setExecutor(pool);
    client.setScheduler(scheduler);
    client.setSocketAddressResolver(
        new GuardedResolver(
            new SocketAddressResolver.Async(lookups, scheduler, lookupTimeout.toMillis()), policy));
    // Certificates are verified (trust-all off, host names checked).
    client.setSslContextFactory(new SslContextFactory.Client());
    // A redirect is a new target the caller never saw (and could carry a signed body elsewhere).
    client.setFollowRedirects(false);
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
    return client;
  }
}
