package io.upwatch.api.badge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A two-part badge in the shields.io flat style: a grey label and a coloured value, each as wide as
 * its text in Verdana 11 px plus 5 px on each side.
 *
 * @param label the left text, e.g. {@code uptime 30d}
 * @param value the right text, e.g. {@code 99.95%}
 * @param color the value's background, e.g. {@code #4c1}
 */
record Badge(String label, String value, String color) {

  static final String GREEN = "#4c1";
  static final String YELLOW_GREEN = "#a4a61d";
  static final String YELLOW = "#dfb317";
  static final String ORANGE = "#fe7d37";
  static final String RED = "#e05d44";
  static final String BLUE = "#007ec6";
  static final String GREY = "#9f9f9f";

  /** The SVG document. */
  String svg() {
    int labelWidth = width(label);
    int valueWidth = width(value);
    int total = labelWidth + valueWidth;
    String label = escape(this.label);
    String value = escape(this.value);
    // Ids of its own: several badges inlined in one HTML page must not share a gradient or clip.
    String id = Integer.toHexString(Objects.hash(this.label, this.value, color));
    return """
        <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" \
        aria-label="%2$s: %3$s"><title>%2$s: %3$s</title>\
        <linearGradient id="s%11$s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" \
        stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>\
        <clipPath id="r%11$s"><rect width="%1$d" height="20" rx="3" fill="#fff"/></clipPath>\
        <g clip-path="url(#r%11$s)"><rect width="%4$d" height="20" fill="#555"/>\
        <rect x="%4$d" width="%5$d" height="20" fill="%6$s"/>\
        <rect width="%1$d" height="20" fill="url(#s%11$s)"/></g>\
        <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" \
        text-rendering="geometricPrecision" font-size="110">\
        <text aria-hidden="true" x="%7$d" y="150" fill="#010101" fill-opacity=".3" \
        transform="scale(.1)" textLength="%8$d">%2$s</text>\
        <text x="%7$d" y="140" transform="scale(.1)" fill="#fff" textLength="%8$d">%2$s</text>\
        <text aria-hidden="true" x="%9$d" y="150" fill="#010101" fill-opacity=".3" \
        transform="scale(.1)" textLength="%10$d">%3$s</text>\
        <text x="%9$d" y="140" transform="scale(.1)" fill="#fff" textLength="%10$d">%3$s</text>\
        </g></svg>
        """
        .formatted(
            total,
            label,
            value,
            labelWidth,
            valueWidth,
            color,
            labelWidth * 5,
            (labelWidth - 10) * 10,
            labelWidth * 10 + valueWidth * 5,
            (valueWidth - 10) * 10,
            id)
        .strip();
  }

  /** A section's width: the text's, rounded up, and 5 px of padding on each side. */
  static int width(String text) {
    return (int) Math.ceil(TextWidth.of(text)) + 10;
  }

  /** A percentage with at most two decimals: {@code 100%}, {@code 99.9%}, {@code 97.25%}. */
  static String percent(double value) {
    return BigDecimal.valueOf(value)
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
