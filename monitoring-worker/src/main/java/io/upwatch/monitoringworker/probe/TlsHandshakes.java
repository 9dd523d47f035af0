package io.upwatch.monitoringworker.probe;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS over a hop's connection: certificates verified against the JDK's trust store (or the one
 * given, for tests) and the host name checked, with the JDK's protocol and cipher defaults. Every
 * check makes a full handshake, so the certificate a check reports is the one the server presents
 * now (a resumed session would repeat an old one's expiry).
 */
final class TlsHandshakes {

  private final SSLSocketFactory sockets;

  private TlsHandshakes(SSLContext context) {
    // A session that cannot be resumed: the cache forgets it after a second (0 would keep it).
    context.getClientSessionContext().setSessionTimeout(1);
    this.sockets = context.getSocketFactory();
  }

  /** Trusting the JDK's default trust store, or only {@code trustStore} when given. */
  static TlsHandshakes trusting(KeyStore trustStore) throws GeneralSecurityException {
    var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return new TlsHandshakes(context);
  }

  /**
   * Runs the handshake over {@code connection} for {@code host}; the returned socket reads and
   * writes through it, and closing {@code connection} ends both.
   */
  SSLSocket handshake(Socket connection, String host, int port) throws IOException {
    var tls = (SSLSocket) sockets.createSocket(connection, host, port, true);
    var parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    return tls;
  }

  /** When the peer's leaf certificate expires; {@code null} when it sent none. */
  static Instant leafExpiry(SSLSocket tls) throws IOException {
    Certificate[] chain = tls.getSession().getPeerCertificates();
    return chain.length > 0 && chain[0] instanceof X509Certificate leaf
        ? leaf.getNotAfter().toInstant()
        : null;
  }
}
