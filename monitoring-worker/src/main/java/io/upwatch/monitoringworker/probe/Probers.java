package io.upwatch.monitoringworker.probe;

import io.upwatch.common.CheckTask;
import io.upwatch.common.FailureKind;
import io.upwatch.common.probe.InvalidProbeSpec;
import io.upwatch.common.probe.ProbeSpec;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task with the prober of its kind. The spec is parsed only when the task carries one, so
 * the original check costs what it always did.
 */
final class Probers implements Prober {

  private static final Logger log = LoggerFactory.getLogger(Probers.class);

  private final HttpProber http;
  private final TcpProber tcp;
  private final DnsProber dns;

  Probers(HttpProber http, TcpProber tcp, DnsProber dns) {
    this.http = http;
    this.tcp = tcp;
    this.dns = dns;
  }

  @Override
  public ProbeOutcome probe(CheckTask task, Duration timeout) throws InterruptedException {
    ProbeSpec spec;
    try {
      spec = task.spec() == null ? null : ProbeSpec.fromJson(task.spec()).validate();
    } catch (InvalidProbeSpec e) {
      // Specs are validated by the API; one that is not runnable is reported, not guessed at.
      log.warn("Task {} has an invalid spec: {} {}", task.id(), e.field(), e.getMessage());
      return ProbeOutcome.failed(
          FailureKind.OTHER, Duration.ZERO, "invalid check settings: " + e.field());
    }
    return switch (task.kind()) {
      case HTTP -> http.probe(task.url(), timeout, spec);
      case TCP -> tcp.probe(task.url(), timeout);
      case DNS -> dns.probe(task.url(), timeout, spec == null ? null : spec.dns());
    };
  }
}
