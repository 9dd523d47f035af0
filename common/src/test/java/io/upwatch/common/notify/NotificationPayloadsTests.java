package io.upwatch.common.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NotificationPayloadsTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant SLOT = Instant.parse("2026-11-23T10:00:00Z");
  private static final NotificationPayload.Alert RESOLVED_ALERT =
      new NotificationPayload.Alert(
          42,
          "AVAILABILITY",
          SLOT.plusMillis(412),
          SLOT.plusSeconds(3600).plusNanos(7_654_321),
          SLOT,
          SLOT.plusSeconds(3600),
          3,
          2,
          300,
          null,
          List.of("eu", "us"),
          2);
  private static final NotificationPayload.Url URL =
      new NotificationPayload.Url(
          7, "shop", "https://shop.example/health", "HTTP", List.of("eu", "us", "ap"));

  @Test
  void openingHasExactlyTheDocumentedFieldsWithMillisecondTimesAndNullResolution() {
    JsonNode json =
        json(
            NotificationPayload.alertEvent(
                "alert-42-opened",
                NotificationEvent.ALERT_OPENED,
                RESOLVED_ALERT,
                URL,
                Duration.ofSeconds(65)));

    assertThat(json.propertyNames())
        .containsExactlyInAnyOrder(
            "eventId", "event", "occurredAt", "happenedAt", "detectedLate", "alert", "url");
    assertThat(json.path("event").asString()).isEqualTo("alert.opened");
    assertThat(json.path("occurredAt").asString()).isEqualTo("2026-11-23T10:00:00.412Z");
    assertThat(json.path("happenedAt").asString()).isEqualTo("2026-11-23T10:00:00.000Z");
    assertThat(json.path("detectedLate").asBoolean()).isFalse();
    JsonNode alert = json.path("alert");
    assertThat(alert.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "kind",
            "certificateExpiresAt",
            "openedAt",
            "resolvedAt",
            "triggerSlot",
            "resolvedSlot",
            "failureCount",
            "threshold",
            "windowSeconds",
            "regions",
            "quorum");
    assertThat(alert.path("resolvedAt").isNull()).isTrue();
    assertThat(alert.path("regions").toString()).isEqualTo("[\"eu\",\"us\"]");
    assertThat(alert.path("quorum").asInt()).isEqualTo(2);
    assertThat(json.path("url").propertyNames())
        .containsExactlyInAnyOrder("id", "name", "url", "kind", "regions");
    assertThat(json.path("url").path("regions").size()).isEqualTo(3);
    assertThat(alert.path("resolvedSlot").isNull()).isTrue();
    assertThat(alert.path("windowSeconds").asInt()).isEqualTo(300);
    assertThat(json.path("url").path("url").asString()).isEqualTo("https://shop.example/health");
  }

  @Test
  void resolutionHappensAtItsSlotAndIsLateOnlyBeyondIntervalPlusTimeout() {
    NotificationPayload resolved =
        NotificationPayload.alertEvent(
            "alert-42-resolved",
            NotificationEvent.ALERT_RESOLVED,
            RESOLVED_ALERT,
            URL,
            Duration.ofMillis(7));
    JsonNode json = json(resolved);

    assertThat(json.path("happenedAt").asString()).isEqualTo("2026-11-23T11:00:00.000Z");
    assertThat(json.path("occurredAt").asString()).isEqualTo("2026-11-23T11:00:00.007Z");
    assertThat(json.path("alert").path("resolvedAt").asString())
        .isEqualTo("2026-11-23T11:00:00.007Z");
    assertThat(resolved.detectedLate()).isTrue();
    assertThat(
            NotificationPayload.alertEvent(
                    "alert-42-resolved",
                    NotificationEvent.ALERT_RESOLVED,
                    RESOLVED_ALERT,
                    URL,
                    Duration.ofMillis(8))
                .detectedLate())
        .isFalse();
  }

  @Test
  void aReopeningIsAnOpeningDetectedWhenLateResultsShowedIt() {
    Instant detected = SLOT.plusSeconds(3700);
    NotificationPayload reopened =
        NotificationPayload.alertReopened(
            "alert-42-opened-1", RESOLVED_ALERT, URL, Duration.ofSeconds(65), detected);

    assertThat(reopened.event()).isEqualTo(NotificationEvent.ALERT_OPENED);
    assertThat(reopened.occurredAt()).isEqualTo(detected);
    assertThat(reopened.happenedAt()).isEqualTo(SLOT);
    assertThat(reopened.detectedLate()).isTrue();
    assertThat(reopened.alert().resolvedAt()).isNull();
  }

  @Test
  void certificateAlertsNameNoRegions() {
    var certificate =
        new NotificationPayload.Alert(
            43,
            "CERTIFICATE_EXPIRY",
            SLOT,
            null,
            SLOT,
            null,
            0,
            14,
            0,
            SLOT.plusSeconds(86_400),
            null,
            null);
    JsonNode alert =
        json(NotificationPayload.alertEvent(
                "alert-43-opened",
                NotificationEvent.ALERT_OPENED,
                certificate,
                URL,
                Duration.ofSeconds(65)))
            .path("alert");

    assertThat(alert.path("regions").isNull()).isTrue();
    assertThat(alert.path("quorum").isNull()).isTrue();
  }

  @Test
  void testMessageNamesItsChannelAndNothingElse() {
    JsonNode json =
        json(NotificationPayload.test("test-1", SLOT, new NotificationPayload.Channel(5, "ops")));

    assertThat(json.propertyNames())
        .containsExactlyInAnyOrder("eventId", "event", "occurredAt", "channel");
    assertThat(json.path("event").asString()).isEqualTo("test");
    assertThat(json.path("channel").path("name").asString()).isEqualTo("ops");
  }

  @Test
  void payloadReadsBackAsWritten() {
    NotificationPayload opened =
        NotificationPayload.alertEvent(
            "alert-42-opened",
            NotificationEvent.ALERT_OPENED,
            RESOLVED_ALERT,
            URL,
            Duration.ofSeconds(65));

    assertThat(NotificationPayloads.fromJson(NotificationPayloads.toJson(opened)))
        .isEqualTo(opened);
  }

  @Test
  void alertEventWithoutItsAlertIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new NotificationPayload(
                    "x", NotificationEvent.ALERT_OPENED, SLOT, SLOT, false, null, URL, null));
  }

  private static JsonNode json(NotificationPayload payload) {
    return JSON.readTree(NotificationPayloads.toJson(payload));
  }
}
