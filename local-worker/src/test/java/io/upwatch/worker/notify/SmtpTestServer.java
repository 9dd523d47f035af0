package io.upwatch.worker.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server on loopback (SubEthaSMTP) that requires STARTTLS, with a self-signed
 * certificate made by the JDK's keytool for this run; keeps every message it accepts.
 */
final class SmtpTestServer implements AutoCloseable {

  /** One accepted message: envelope and raw content. */
  record Message(String from, String to, String data) {}

  private final SMTPServer server;
  private final List<Message> messages = new CopyOnWriteArrayList<>();

  SmtpTestServer(Path workDir, boolean requireTls) throws Exception {
    var builder =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("localhost")
            .simpleMessageListener(
                new SimpleMessageListener() {
                  @Override
                  public boolean accept(String from, String recipient) {
                    return true;
                  }

                  @Override
                  public void deliver(String from, String recipient, InputStream data)
                      throws IOException {
                    messages.add(
                        new Message(
                            from,
                            recipient,
                            new String(data.readAllBytes(), StandardCharsets.UTF_8)));
                  }
                });
    if (requireTls) {
      builder.enableTLS().requireTLS().startTlsSocketFactory(selfSigned(workDir));
    }
    server = builder.build();
    server.start();
  }

  int port() {
    return server.getPortAllocated();
  }

  List<Message> messages() {
    return List.copyOf(messages);
  }

  private static SSLContext selfSigned(Path dir) throws Exception {
    Path keystore = dir.resolve("smtp-test.p12");
    Files.deleteIfExists(keystore);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "smtp",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool could not make a test certificate");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  @Override
  public void close() {
    server.stop();
  }
}
