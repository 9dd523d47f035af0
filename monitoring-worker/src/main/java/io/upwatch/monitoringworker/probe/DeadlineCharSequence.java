package io.upwatch.monitoringworker.probe;

/**
 * A string that stops being readable after a deadline: a regex matcher reads its input only through
 * {@link #charAt}, so catastrophic backtracking on a hostile body ends at the deadline with {@link
 * RegexTimedOut} instead of holding a thread for hours.
 */
final class DeadlineCharSequence implements CharSequence {

  // Reading the clock on every character would cost more than the matching; every 4,096th is
  // microseconds apart at worst.
  private static final int CHECK_EVERY = 4096;

  private final String text;
  private final int start;
  private final int end;
  private final long deadlineNanos;
  private int reads;

  DeadlineCharSequence(String text, long deadlineNanos) {
    this(text, 0, text.length(), deadlineNanos);
  }

  private DeadlineCharSequence(String text, int start, int end, long deadlineNanos) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public char charAt(int index) {
    if (++reads % CHECK_EVERY == 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new RegexTimedOut();
    }
    return text.charAt(start + index);
  }

  @Override
  public int length() {
    return end - start;
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return new DeadlineCharSequence(text, start + from, start + to, deadlineNanos);
  }

  @Override
  public String toString() {
    return text.substring(start, end);
  }

  /** The regex ran past its time budget. */
  static final class RegexTimedOut extends RuntimeException {
    RegexTimedOut() {
      super("Regex ran past its time budget", null, false, false);
    }
  }
}
