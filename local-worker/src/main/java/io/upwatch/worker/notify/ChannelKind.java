package io.upwatch.worker.notify;

/** The kinds of notification channel; names as stored in {@code notification_channels.kind}. */
enum ChannelKind {
  WEBHOOK,
  SLACK,
  EMAIL
}
