package io.upwatch.api.channel;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.security.CurrentUser;
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

  @PostMapping
  ResponseEntity<ChannelResponse> create(
      CurrentUser user, @Valid @RequestBody CreateChannelRequest request) {
    var channel = channels.create(user.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/channels/" + channel.getId()))
        .body(ChannelResponse.from(channel));
  }

  @GetMapping
  List<ChannelResponse> list(CurrentUser user) {
    return channels.list(user.id()).stream().map(ChannelResponse::from).toList();
  }

  @GetMapping("/{id}")
  ChannelResponse get(CurrentUser user, @PathVariable long id) {
    return ChannelResponse.from(channels.get(user.id(), id));
  }

  @PatchMapping("/{id}")
  ChannelResponse update(
      CurrentUser user, @PathVariable long id, @Valid @RequestBody UpdateChannelRequest request) {
    return ChannelResponse.from(channels.update(user.id(), id, request));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id) {
    channels.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/test")
  ResponseEntity<TestDeliveryResponse> test(CurrentUser user, @PathVariable long id) {
    return ResponseEntity.accepted().body(channels.sendTest(user.id(), id));
  }

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
