package io.upwatch.localworker.notify;

import io.upwatch.testing.SelfSignedTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server on loopback (SubEthaSMTP) that requires STARTTLS, with a self-signed
 * certificate made for this run; keeps every message it accepts.
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
      builder.enableTLS().requireTLS().startTlsSocketFactory(SelfSignedTls.context(workDir));
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

  @Override
  public void close() {
    server.stop();
  }
}
