package io.upwatch.api.badge;

/**
 * The width of badge text in Verdana at 11 px, as shields.io measures it: a table of the printable
 * ASCII advance widths (the same widths badge renderers use), so a badge fits its text without a
 * font on the server. Other characters count as wide as an {@code m}, which errs on the wide side.
 */
final class TextWidth {

  // Advance widths in px of ' ' (32) to '~' (126), Verdana 11 px.
  private static final double[] ASCII = {
    3.87, 4.33, 5.05, 9.0, 6.99, 11.84, 7.99, 2.95, 4.99, 4.99, 6.99, 9.0, 4.0, 4.99, 4.0, 4.99,
    6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 4.99, 4.99, 9.0, 9.0, 9.0, 6.0,
    10.99, 7.52, 7.54, 7.68, 8.48, 6.96, 6.32, 8.53, 8.27, 4.63, 5.0, 7.62, 6.12, 9.27, 8.23, 8.66,
    6.63, 8.66, 7.65, 7.52, 6.78, 8.05, 7.52, 10.88, 7.54, 6.77, 7.54, 4.99, 4.99, 4.99, 9.0, 6.99,
    6.99, 6.61, 6.85, 5.73, 6.85, 6.55, 3.87, 6.85, 6.96, 3.02, 3.78, 6.51, 3.02, 10.66, 6.96, 6.68,
    6.85, 6.85, 4.69, 5.73, 4.33, 6.96, 6.51, 8.99, 6.51, 6.51, 5.78, 6.98, 4.99, 6.98, 9.0
  };
  private static final double WIDE = 10.66;

  private TextWidth() {}

  /** The text's width in px. */
  static double of(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      width += c >= 32 && c <= 126 ? ASCII[c - 32] : WIDE;
    }
    return width;
  }
}
