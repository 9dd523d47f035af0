package io.upwatch.worker.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of notification delivery, bound from {@code upwatch.notify.*}; defaults live in {@code
 * application.yml}.
 *
 * @param concurrency most sends in flight at once in this worker
 * @param pollInterval pause between looks for due deliveries when none was due
 * @param sendTimeout total deadline of one send (connect, request and response)
 * @param lease a claimed delivery is not handed to another worker for this long; must exceed the
 *     send timeout, or a slow send could be repeated by a second worker
 * @param retryInitialDelay pause after the first failed attempt; doubles after each failure
 * @param retryMaxDelay longest pause between two attempts
 * @param giveUpAfter a delivery still failing this long after its event is marked failed
 * @param historyRetention finished deliveries (delivered or failed) are deleted after this long
 * @param blockPrivateTargets refuse webhook and Slack targets that resolve to private, loopback,
 *     link-local or multicast addresses (the policy checks use), on every connection
 * @param smtp the operator's mail server for email channels
 */
@Validated
@ConfigurationProperties(prefix = "upwatch.notify")
public record NotifyProperties(
    @Min(1) @Max(1000) int concurrency,
    @NotNull Duration pollInterval,
    @NotNull Duration sendTimeout,
    @NotNull Duration lease,
    @NotNull Duration retryInitialDelay,
    @NotNull Duration retryMaxDelay,
    @NotNull Duration giveUpAfter,
    @NotNull Duration historyRetention,
    boolean blockPrivateTargets,
    @Valid @NotNull Smtp smtp) {

  public NotifyProperties {
    if (lease != null && sendTimeout != null && lease.compareTo(sendTimeout.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "upwatch.notify.lease must be at least twice upwatch.notify.send-timeout");
    }
  }

  /**
   * The SMTP server that sends email notifications. With no host, email channels fail with a clear
   * error in their delivery history.
   *
   * @param host server host name; blank disables email
   * @param port server port (587 for submission with STARTTLS)
   * @param username login; blank for none
   * @param password password of the login
   * @param from the From address of every message
   * @param startTls REQUIRED refuses to send without STARTTLS, OPTIONAL uses it when offered,
   *     DISABLED never (only for a relay on a trusted network)
   * @param sslTrust host names whose certificate is trusted without verification (e.g. an internal
   *     relay with a self-signed certificate); blank verifies every certificate
   */
  public record Smtp(
      String host,
      @Min(1) @Max(65535) int port,
      String username,
      String password,
      @NotNull String from,
      @NotNull StartTls startTls,
      String sslTrust) {

    boolean configured() {
      return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
      // Never print the password, whoever logs the properties.
      return "Smtp[host=" + host + ", port=" + port + ", from=" + from + "]";
    }
  }

  /** How the SMTP connection is secured. */
  public enum StartTls {
    REQUIRED,
    OPTIONAL,
    DISABLED
  }
}
