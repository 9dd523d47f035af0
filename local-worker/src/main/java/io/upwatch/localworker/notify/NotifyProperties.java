package io.upwatch.localworker.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of notification delivery, bound from {@code upwatch.notify.*}, with their defaults here.
 * Durations take a unit ({@code 250ms}, {@code 10m}, {@code 30d}). Which targets may be reached is
 * the shared outbound policy's ({@code upwatch.outbound.block-private-targets}), the same as for
 * checks.
 *
 * @param concurrency most sends in flight at once in this worker; 64
 * @param pollInterval pause between looks for due deliveries when none was due; 250 ms
 * @param sendTimeout total deadline of one send (connect, request and response); 10 s
 * @param lease a claimed delivery is not handed to another worker for this long; at least twice the
 *     send timeout, or a slow send could be repeated by a second worker; 60 s
 * @param retryInitialDelay pause after the first failed attempt; doubles after each failure; 2 s
 * @param retryMaxDelay longest pause between two attempts; 10 min
 * @param giveUpAfter a delivery still failing this long after its event is marked failed; 24 h
 * @param historyRetention finished deliveries (delivered or failed) are deleted after this long; 30
 *     days
 * @param smtp the operator's mail server for email channels
 */
@Validated
@ConfigurationProperties(prefix = "upwatch.notify")
public record NotifyProperties(
    @Min(1) @Max(1000) @DefaultValue("64") int concurrency,
    @NotNull @DefaultValue("250ms") Duration pollInterval,
    @NotNull @DefaultValue("10s") Duration sendTimeout,
    @NotNull @DefaultValue("60s") Duration lease,
    @NotNull @DefaultValue("2s") Duration retryInitialDelay,
    @NotNull @DefaultValue("10m") Duration retryMaxDelay,
    @NotNull @DefaultValue("24h") Duration giveUpAfter,
    @NotNull @DefaultValue("30d") Duration historyRetention,
    @Valid @NotNull @DefaultValue Smtp smtp) {

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
   * @param host server host name; blank (the default) disables email
   * @param port server port; 587 (submission with STARTTLS)
   * @param username login; blank for none
   * @param password password of the login
   * @param from the From address of every message; {@code Upwatch <upwatch@localhost>}
   * @param startTls REQUIRED (the default) refuses to send without STARTTLS, OPTIONAL uses it when
   *     offered, DISABLED never (only for a relay on a trusted network)
   * @param sslTrust host names whose certificate is trusted without verification (e.g. an internal
   *     relay with a self-signed certificate); blank verifies every certificate
   */
  public record Smtp(
      String host,
      @Min(1) @Max(65535) @DefaultValue("587") int port,
      String username,
      String password,
      @NotBlank @DefaultValue("Upwatch <upwatch@localhost>") String from,
      @NotNull @DefaultValue("required") StartTls startTls,
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
