package io.upwatch.api.heartbeat;

import io.upwatch.common.CheckResult;

/** The message a failure ping leaves on its check: the end of what the job sent. */
final class PingMessages {

  static final String NO_BODY = "the job reported a failure";

  private PingMessages() {}

  /**
   * The body's last characters (a log's last lines say most about a failure), at most the message
   * length a check keeps, or a fixed text when the body is empty.
   */
  static String fromBody(String body) {
    if (body == null || body.isBlank()) {
      return NO_BODY;
    }
    String text = body.strip();
    int max = CheckResult.MAX_MESSAGE_LENGTH;
    return text.length() <= max ? text : "…" + text.substring(text.length() - (max - 1));
  }
}
