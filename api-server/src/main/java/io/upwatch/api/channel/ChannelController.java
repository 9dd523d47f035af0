package io.upwatch.api.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
import io.upwatch.api.web.CreatedWithLocation;
import io.upwatch.api.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notification channels, their test messages and delivery history. */
@RestController
@RequestMapping("/api/v1/channels")
@Tag(name = "Notification channels")
class ChannelController {

  private final ChannelService channels;

  ChannelController(ChannelService channels) {
    this.channels = channels;
  }

  @Operation(
      operationId = "createChannel",
      summary = "Create a notification channel",
      description =
          "Alerts of the chosen URLs (or all of the caller's URLs) are sent to the channel from"
              + " now on. A webhook needs a signing secret; Slack and email take none.")
  @CreatedWithLocation
  @ApiResponse(
      responseCode = "409",
      description =
          "The caller already has a channel of that name, or as many channels as allowed"
              + " (`channel-limit-reached`).")
  @PostMapping
  ResponseEntity<ChannelResponse> create(
      CurrentUser user, @Valid @RequestBody CreateChannelRequest request) {
    var channel = channels.create(user.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/channels/" + channel.getId()))
        .body(ChannelResponse.from(channel));
  }

  @Operation(
      operationId = "listChannels",
      summary = "List the caller's notification channels",
      description = "All of the caller's channels; secrets are never shown.")
  @GetMapping
  List<ChannelResponse> list(CurrentUser user) {
    return channels.list(user.id()).stream().map(ChannelResponse::from).toList();
  }

  @Operation(
      operationId = "getChannel",
      summary = "Get a notification channel",
      description = "One of the caller's channels; its secret is never shown.")
  @GetMapping("/{id}")
  ChannelResponse get(CurrentUser user, @PathVariable long id) {
    return ChannelResponse.from(channels.get(user.id(), id));
  }

  @Operation(
      operationId = "updateChannel",
      summary = "Change a notification channel",
      description =
          "Changes the fields sent; absent fields stay as they are. The type cannot change.")
  @ApiResponse(responseCode = "200", description = "Changed.")
  @ApiResponse(responseCode = "409", description = "The caller already has a channel of that name.")
  @PatchMapping("/{id}")
  ChannelResponse update(
      CurrentUser user, @PathVariable long id, @Valid @RequestBody UpdateChannelRequest request) {
    return ChannelResponse.from(channels.update(user.id(), id, request));
  }

  @Operation(
      operationId = "deleteChannel",
      summary = "Delete a notification channel",
      description = "No more alerts are sent to the channel.")
  @ApiResponse(responseCode = "204", description = "Deleted.")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id) {
    channels.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      operationId = "sendTestMessage",
      summary = "Send a test message to a channel",
      description =
          "Queues a test event for delivery and answers at once; the outcome shows in the"
              + " channel's delivery history.")
  @ApiResponse(responseCode = "202", description = "Accepted for delivery.")
  @PostMapping("/{id}/test")
  ResponseEntity<TestDeliveryResponse> test(CurrentUser user, @PathVariable long id) {
    return ResponseEntity.accepted().body(channels.sendTest(user.id(), id));
  }

  @Operation(
      operationId = "listDeliveries",
      summary = "List a channel's deliveries",
      description = "One page of the messages sent to the channel and their outcome.")
  @GetMapping("/{id}/deliveries")
  PageResponse<DeliveryResponse> deliveries(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return PageResponse.from(
        channels.deliveries(user.id(), id, PageRequest.of(page, size)), item -> item);
  }
}
