package io.upwatch.common.queue;

/** Recognises Redis error replies, however the client wrapped them. */
public final class RedisError {

  private RedisError() {}

  /**
   * Whether a Redis error reply with the given code (such as {@code NOGROUP}) is anywhere in the
   * cause chain: the client's exception message starts with the code, its wrappers' do not.
   */
  public static boolean is(Throwable failure, String code) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().startsWith(code)) {
        return true;
      }
    }
    return false;
  }
}
