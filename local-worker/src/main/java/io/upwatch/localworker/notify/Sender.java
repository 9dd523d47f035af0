package io.upwatch.localworker.notify;

import io.upwatch.common.notify.ChannelKind;

/** Sends a delivery over one kind of channel. */
interface Sender {

  ChannelKind kind();

  /**
   * Sends within the configured deadline.
   *
   * @return the receiver's status code, or null where the protocol has none
   * @throws DeliveryFailed when the receiver did not take it
   */
  Integer send(Delivery delivery) throws DeliveryFailed, InterruptedException;
}
