package io.upwatch.api.badge;

/**
 * A URL's new badge token and the badge addresses built from it. The token is shown only here:
 * store the addresses, or rotate to get new ones.
 *
 * @param token the token, 32 characters; anyone who has it can read the URL's badges
 * @param statusBadge the status badge (up, down, paused, no data)
 * @param uptimeBadge the uptime badge over 30 days; {@code window} may be 24h, 7d, 30d or 90d
 * @param responseTimeBadge the median response time over 24 hours
 */
public record BadgeResponse(
    String token, String statusBadge, String uptimeBadge, String responseTimeBadge) {

  public static BadgeResponse of(String base, String token) {
    String prefix = base + "/badge/" + token;
    return new BadgeResponse(
        token,
        prefix + "/status.svg",
        prefix + "/uptime.svg?window=30d",
        prefix + "/response-time.svg");
  }
}
