package io.upwatch.api.url;

import io.upwatch.api.heartbeat.PingUrls;

/**
 * A heartbeat monitor's settings and the URLs its job pings (no token needed: the URL is the
 * credential, keep it secret).
 *
 * @param periodSeconds how often the job pings
 * @param graceSeconds how much later a ping may come
 * @param pingUrl GET or POST when a run succeeded
 * @param failUrl GET or POST when a run failed; a POST body becomes the failure's message
 * @param startUrl GET or POST when a run starts; the next ping then records its duration
 */
public record HeartbeatResponse(
    long periodSeconds, long graceSeconds, String pingUrl, String failUrl, String startUrl) {

  static HeartbeatResponse from(MonitoredUrl url, PingUrls pingUrls) {
    String ping = pingUrls.ping(url.getPingToken());
    return new HeartbeatResponse(
        url.getInterval().toSeconds(),
        url.getGrace().toSeconds(),
        ping,
        ping + "/fail",
        ping + "/start");
  }
}
