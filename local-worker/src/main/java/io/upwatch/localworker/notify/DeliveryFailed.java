package io.upwatch.localworker.notify;

/**
 * A send that did not succeed. The message is written to the delivery history, so it is built by
 * Upwatch from what happened and never carries a target URL, a secret or a receiver's body.
 */
class DeliveryFailed extends Exception {

  private final Integer status;
  private final boolean permanent;

  DeliveryFailed(String message, Integer status, boolean permanent) {
    super(message, null, false, false);
    this.status = status;
    this.permanent = permanent;
  }

  /** The receiver's HTTP status, when it answered. */
  Integer status() {
    return status;
  }

  /** True when retrying cannot help (e.g. the outbound policy forbids the target). */
  boolean permanent() {
    return permanent;
  }
}
