package io.upwatch.common.outbound;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Applies the {@link TargetPolicy} to resolved addresses, at connect time. Every connection, the
 * first and every redirect hop's, is resolved here, so DNS rebinding cannot slip past the policy.
 */
public final class GuardedResolver implements SocketAddressResolver {

  private final SocketAddressResolver delegate;
  private final TargetPolicy policy;

  public GuardedResolver(SocketAddressResolver delegate, TargetPolicy policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  @Override
  public void resolve(
      String host,
      int port,
      Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    delegate.resolve(
        host,
        port,
        context,
        new Promise<>() {
          @Override
          public void succeeded(List<InetSocketAddress> addresses) {
            List<InetSocketAddress> permitted;
            try {
              permitted = policy.permitted(host, addresses);
            } catch (ForbiddenTarget forbidden) {
              promise.failed(forbidden);
              return;
            }
            promise.succeeded(permitted);
          }

          @Override
          public void failed(Throwable failure) {
            promise.failed(failure);
          }
        });
  }
}
