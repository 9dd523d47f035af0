package io.upwatch.localworker.notify;

import static io.upwatch.localworker.support.Fixtures.noResponse;
import static io.upwatch.localworker.support.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.upwatch.common.CheckResult;
import io.upwatch.common.FailureKind;
import io.upwatch.common.outbound.OutboundProperties;
import io.upwatch.localworker.alert.AlertEvaluator;
import io.upwatch.localworker.support.Fixtures;
import io.upwatch.localworker.support.WorkerIntegrationTest;
import io.upwatch.testing.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert events reach a loopback webhook receiver through the outbox: signed, once per event and
 * channel, after receiver failures too, and never twice with two dispatchers.
 */
@WorkerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationIntegrationTests {

  static final String SECRET = "whsec-test-0123456789abcdef";

  @Autowired AlertEvaluator evaluator;
  @Autowired TransactionTemplate transaction;
  @Autowired Fixtures fixtures;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired DeliveryQueue queue;
  @Autowired List<Sender> senders;
  @Autowired NotifyProperties properties;

  WebhookReceiver receiver;
  long url;
  Instant t0 = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MINUTES);

  @BeforeEach
  void setUp() throws Exception {
    fixtures.reset();
    receiver = new WebhookReceiver(SECRET);
    url = fixtures.url("shop", 1, 60, Instant.now().plusSeconds(3600));
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  @Test
  void openedAndResolvedAlertsArriveSignedWithStableEventIds() {
    fixtures.channel("hooks", "WEBHOOK", receiver.url(), SECRET, true);

    fixtures.ingest(evaluator, transaction, fail(url, 0), fail(url, 1));
    dispatchUntil(() -> receiver.accepted().size() == 1);
    fixtures.ingest(evaluator, transaction, ok(url, 2));
    dispatchUntil(() -> receiver.accepted().size() == 2);

    var opened = receiver.accepted().get(0);
    var resolved = receiver.accepted().get(1);
    long alertId = fixtures.count("SELECT id FROM alerts WHERE url_id = ?", url);
    assertThat(opened.signed()).isTrue();
    assertThat(resolved.signed()).isTrue();
    assertThat(opened.eventId()).isEqualTo("alert-" + alertId + "-opened");
    assertThat(resolved.eventId()).isEqualTo("alert-" + alertId + "-resolved");
    assertThat(opened.timestamp()).isCloseTo(Instant.now().getEpochSecond(), within(60));
    JsonNode body = JsonMapper.builder().build().readTree(opened.body());
    assertThat(body.path("event").asString()).isEqualTo("alert.opened");
    assertThat(body.path("eventId").asString()).isEqualTo(opened.eventId());
    assertThat(body.path("url").path("name").asString()).isEqualTo("shop");
    assertThat(body.path("alert").path("failureCount").asInt()).isEqualTo(2);
    assertThat(body.path("alert").path("resolvedAt").isNull()).isTrue();
    assertThat(body.path("happenedAt").asString())
        .isEqualTo(body.path("alert").path("triggerSlot").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    JsonNode resolvedBody = JsonMapper.builder().build().readTree(resolved.body());
    assertThat(resolvedBody.path("occurredAt").asString())
        .isEqualTo(resolvedBody.path("alert").path("resolvedAt").asString());
    assertThat(resolvedBody.path("happenedAt").asString())
        .isEqualTo(resolvedBody.path("alert").path("resolvedSlot").asString());
    assertThat(deliveries("DELIVERED")).isEqualTo(2);
  }

  @Test
  void channelLinkedToUrlsHearsOnlyAboutThose() {
    long other = fixtures.url("blog", 1, 60, Instant.now().plusSeconds(3600));
    long linked = fixtures.channel("shop-only", "WEBHOOK", receiver.url(), SECRET, false);
    fixtures.link(linked, url);
    long everything = fixtures.channel("all", "WEBHOOK", receiver.url(), SECRET, true);
    long disabled = fixtures.channel("off", "WEBHOOK", receiver.url(), SECRET, true);
    fixtures
        .jdbc()
        .sql("UPDATE notification_channels SET enabled = false WHERE id = ?")
        .param(disabled)
        .update();

    fixtures.ingest(
        evaluator, transaction, fail(url, 0), fail(url, 1), fail(other, 0), fail(other, 1));

    Map<Long, Long> perChannel =
        fixtures
            .jdbc()
            .sql("SELECT channel_id FROM notification_deliveries")
            .query(Long.class)
            .list()
            .stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(perChannel).containsExactlyInAnyOrderEntriesOf(Map.of(linked, 1L, everything, 2L));
  }

  @Test
  void receiverFailingThenRecoveringGetsTheEventExactlyOnce() {
    fixtures.channel("hooks", "WEBHOOK", receiver.url(), SECRET, true);
    receiver.answer(500, 500, 503);

    fixtures.ingest(evaluator, transaction, fail(url, 0), fail(url, 1));
    dispatchUntil(() -> deliveries("DELIVERED") == 1);

    assertThat(receiver.accepted()).hasSize(1);
    var history =
        fixtures
            .jdbc()
            .sql("SELECT attempts, last_status, last_error FROM notification_deliveries")
            .query()
            .singleRow();
    assertThat(history).containsEntry("attempts", 4).containsEntry("last_status", 200);
    assertThat(history.get("last_error")).isNull();
  }

  @Test
  void resolutionWaitsForItsOpeningAndFollowsAsSoonAsTheReceiverIsBack() {
    fixtures.channel("hooks", "WEBHOOK", receiver.url(), SECRET, true);
    receiver.answer(500);
    fixtures.ingest(evaluator, transaction, fail(url, 0), fail(url, 1));
    fixtures.ingest(evaluator, transaction, ok(url, 2));
    // A long backoff for the resolution: only the success of the opening may bring it forward.
    fixtures
        .jdbc()
        .sql(
            "UPDATE notification_deliveries SET next_attempt_at = now() + interval '1 hour'"
                + " WHERE event = 'alert.resolved'")
        .update();

    dispatchUntil(() -> receiver.accepted().size() == 2);

    assertThat(receiver.accepted())
        .extracting(WebhookReceiver.Received::event)
        .containsExactly("alert.opened", "alert.resolved");
  }

  @Test
  void twoDispatchersNeverSendTheSameDeliveryTwice() throws Exception {
    fixtures.channel("hooks", "WEBHOOK", receiver.url(), SECRET, true);
    List<Long> urls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      urls.add(fixtures.url("u" + i, 0, 60, Instant.now().plusSeconds(3600)));
    }
    for (long id : urls) {
      fixtures.ingest(evaluator, transaction, fail(id, 0));
      fixtures.ingest(evaluator, transaction, ok(id, 1));
    }
    var second =
        new NotificationDispatcher(
            queue, senders, properties, Clock.systemUTC(), new SimpleMeterRegistry());
    try (second) {
      Thread other = Thread.ofPlatform().start(() -> runPasses(second));
      dispatchUntil(() -> deliveries("DELIVERED") == 120);
      other.join();
    }

    List<String> eventIds = receiver.accepted().stream().map(r -> r.eventId()).toList();
    assertThat(eventIds).hasSize(120).doesNotHaveDuplicates();
  }

  @Test
  void blockedTargetFailsAtOnceWithAClearReasonAndNoSecretInLogs(CapturedOutput output)
      throws Exception {
    fixtures.channel("hooks", "WEBHOOK", receiver.url(), SECRET, true);
    var strict =
        new NotifyProperties(
            4,
            properties.pollInterval(),
            properties.sendTimeout(),
            properties.lease(),
            properties.retryInitialDelay(),
            properties.retryMaxDelay(),
            properties.giveUpAfter(),
            properties.historyRetention(),
            properties.smtp());
    var configuration = new NotifyConfiguration();
    var client =
        configuration.notificationHttpClient(strict, new OutboundProperties(true).targetPolicy());
    try (var blocked =
        new NotificationDispatcher(
            queue,
            List.of(
                new WebhookSender(
                    new OutboundHttp(client, strict.sendTimeout().toMillis()), Clock.systemUTC())),
            strict,
            Clock.systemUTC(),
            new SimpleMeterRegistry())) {
      fixtures.ingest(evaluator, transaction, fail(url, 0), fail(url, 1));
      await()
          .atMost(10, TimeUnit.SECONDS)
          .until(
              () -> {
                blocked.dispatchPass();
                return deliveries("FAILED") == 1;
              });
    } finally {
      client.stop();
    }

    assertThat(receiver.accepted()).isEmpty();
    assertThat(onlyLastError()).contains("outbound policy forbids");
    assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(receiver.url());
  }

  @Test
  void deliveryStillFailingAfterTheGiveUpTimeIsMarkedFailed() {
    fixtures.channel("hooks", "WEBHOOK", receiver.url(), SECRET, true);
    receiver.answer(500);
    fixtures.ingest(evaluator, transaction, fail(url, 0), fail(url, 1));
    fixtures
        .jdbc()
        .sql("UPDATE notification_deliveries SET created_at = now() - interval '25 hours'")
        .update();

    dispatchUntil(() -> deliveries("FAILED") == 1);

    assertThat(receiver.accepted()).isEmpty();
    assertThat(onlyLastError()).isEqualTo("receiver answered HTTP 500");
  }

  private void dispatchUntil(java.util.concurrent.Callable<Boolean> done) {
    await()
        .atMost(20, TimeUnit.SECONDS)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              dispatcher.dispatchPass();
              return done.call();
            });
  }

  private void runPasses(NotificationDispatcher other) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end && deliveries("DELIVERED") < 120) {
      try {
        other.dispatchPass();
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private String onlyLastError() {
    return fixtures
        .jdbc()
        .sql("SELECT last_error FROM notification_deliveries")
        .query(String.class)
        .single();
  }

  private long deliveries(String status) {
    return fixtures.count("SELECT count(*) FROM notification_deliveries WHERE status = ?", status);
  }

  private CheckResult fail(long urlId, int minute) {
    return noResponse(urlId, t0.plusSeconds(60L * minute), FailureKind.CONNECT);
  }

  private CheckResult ok(long urlId, int minute) {
    return response(urlId, t0.plusSeconds(60L * minute), 200);
  }

  private static org.assertj.core.data.Offset<Long> within(long seconds) {
    return org.assertj.core.data.Offset.offset(seconds);
  }
}
