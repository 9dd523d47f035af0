package io.upwatch.monitoringworker.probe;

import java.io.IOException;

/** The target answered with something that is not an HTTP/1.x response: a protocol failure. */
final class MalformedResponse extends IOException {

  MalformedResponse(String message) {
    super(message);
  }
}
