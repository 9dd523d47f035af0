package io.upwatch.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * TLS for test servers: a freshly generated self-signed certificate for localhost and 127.0.0.1,
 * made by the running JDK's keytool.
 */
public final class SelfSignedTls {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private SelfSignedTls() {}

  /** Server sockets that present the certificate. */
  public static SSLServerSocketFactory serverSockets(Path directory) throws Exception {
    return context(directory).getServerSocketFactory();
  }

  /** A server-side TLS context holding the certificate and its key. */
  public static SSLContext context(Path directory) throws Exception {
    return context(directory, 2);
  }

  /**
   * A server-side TLS context whose certificate expires in {@code validityDays} days (from now), to
   * test certificate expiry alerts.
   */
  public static SSLContext context(Path directory, int validityDays) throws Exception {
    KeyStore store = keyStore(directory, validityDays);
    var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /**
   * A trust store holding only the certificate made in {@code directory} by {@link #context}, for a
   * client that should accept it.
   */
  public static KeyStore trustStore(Path directory) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(directory.resolve("self-signed.p12"))) {
      keys.load(in, PASSWORD);
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("target", keys.getCertificate("target"));
    return trust;
  }

  private static KeyStore keyStore(Path directory, int validityDays) throws Exception {
    Path keystore = directory.resolve("self-signed.p12");
    Files.deleteIfExists(keystore);
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "target",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                Integer.toString(validityDays),
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException(new String(keytool.getInputStream().readAllBytes()));
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    return store;
  }
}
