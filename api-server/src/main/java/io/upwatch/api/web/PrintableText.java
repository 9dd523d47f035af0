package io.upwatch.api.web;

/** What a user-chosen name or title may contain: printable text, no surrounding blanks. */
public final class PrintableText {

  /** The Bean Validation pattern (Java only: the OpenAPI document drops {@code \p{}} patterns). */
  public static final String PATTERN = "^[^\\p{Cntrl}\\s](?:[^\\p{Cntrl}]*[^\\p{Cntrl}\\s])?$";

  /** The message of a value that does not match. */
  public static final String MESSAGE =
      "must be printable text without control characters or surrounding spaces";

  private PrintableText() {}
}
