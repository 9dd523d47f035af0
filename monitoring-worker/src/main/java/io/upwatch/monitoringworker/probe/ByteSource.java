package io.upwatch.monitoringworker.probe;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Where a response's bytes come from: a connection read within a check's deadline. */
@FunctionalInterface
interface ByteSource {

  /**
   * Reads at least one byte into {@code buffer}, blocking until some arrive.
   *
   * @return how many bytes were read, or -1 at the end of the stream
   * @throws TimeoutException when the check's deadline passes first
   */
  int read(byte[] buffer, int offset, int length) throws IOException, TimeoutException;
}
