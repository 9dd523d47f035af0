package io.upwatch.monitoringworker.probe;

/** A redirect whose Location is not an http(s) URL: the peer broke the protocol. */
final class InvalidRedirect extends Exception {

  InvalidRedirect(String location, Throwable cause) {
    super("Unusable redirect location: " + location, cause);
  }
}
