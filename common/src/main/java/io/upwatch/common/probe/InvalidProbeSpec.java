package io.upwatch.common.probe;

/** A probe spec that cannot be run, naming the field at fault (e.g. {@code assertions[1].path}). */
public class InvalidProbeSpec extends IllegalArgumentException {

  private final String field;

  public InvalidProbeSpec(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field at fault, relative to the spec. */
  public String field() {
    return field;
  }
}
