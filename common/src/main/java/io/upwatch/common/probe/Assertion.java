package io.upwatch.common.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition a response must meet for its check to succeed.
 *
 * @param type what is examined
 * @param path the JSON path, for {@link Type#JSON_PATH}
 * @param header the header name, for {@link Type#HEADER}
 * @param operator how the value compares: EQUALS, EXISTS, LT, LE, GT or GE for a JSON path; EQUALS
 *     or MATCHES for a header
 * @param value the string, regex, expected value or limit in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assertion(Type type, String path, String header, Operator operator, String value) {

  /** Longest value, regex or JSON path. */
  public static final int MAX_VALUE_LENGTH = 1024;

  /** What an assertion examines. */
  public enum Type {
    /** The body contains {@code value}. */
    BODY_CONTAINS,
    /** The body does not contain {@code value}. */
    BODY_NOT_CONTAINS,
    /** The regex {@code value} finds a match in the body (time-bounded). */
    BODY_MATCHES,
    /** The body is JSON and {@code path} compares with {@code value} by {@code operator}. */
    JSON_PATH,
    /** The response header {@code header} equals or matches {@code value}. */
    HEADER,
    /** The check took less than {@code value} milliseconds. */
    RESPONSE_TIME
  }

  /** How a JSON path or header value is compared. */
  public enum Operator {
    EQUALS,
    EXISTS,
    LT,
    LE,
    GT,
    GE,
    MATCHES
  }

  private static final Set<Operator> JSON_OPERATORS =
      EnumSet.of(
          Operator.EQUALS, Operator.EXISTS, Operator.LT, Operator.LE, Operator.GT, Operator.GE);
  private static final Set<Operator> HEADER_OPERATORS =
      EnumSet.of(Operator.EQUALS, Operator.MATCHES);

  /** RFC 9110 (ex 7230) token characters: what a header name may consist of. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

  /** Whether {@code name} is a valid header name (an RFC 7230 token). */
  public static boolean isToken(String name) {
    return name != null && TOKEN.matcher(name).matches();
  }

  /** The operator, EQUALS when none was given. */
  public Operator op() {
    return operator == null ? Operator.EQUALS : operator;
  }

  /**
   * Checks that the assertion can run.
   *
   * @param field where it sits, e.g. {@code assertions[2]}
   * @throws InvalidProbeSpec naming the field at fault
   */
  void validate(String field) {
    if (type == null) {
      throw new InvalidProbeSpec(field + ".type", "is required");
    }
    if (value != null && value.length() > MAX_VALUE_LENGTH) {
      throw new InvalidProbeSpec(
          field + ".value", "must be at most " + MAX_VALUE_LENGTH + " characters");
    }
    switch (type) {
      case BODY_CONTAINS, BODY_NOT_CONTAINS -> requireValue(field);
      case BODY_MATCHES -> compile(field + ".value", requireValue(field));
      case JSON_PATH -> validateJsonPath(field);
      case HEADER -> validateHeader(field);
      case RESPONSE_TIME -> {
        String limit = requireValue(field);
        if (!limit.matches("[0-9]{1,6}") || Integer.parseInt(limit) < 1) {
          throw new InvalidProbeSpec(
              field + ".value", "must be a number of milliseconds (1-999999)");
        }
      }
    }
  }

  private void validateJsonPath(String field) {
    if (path == null || path.isBlank() || path.length() > MAX_VALUE_LENGTH) {
      throw new InvalidProbeSpec(field + ".path", "is required: a JSON path such as $.status");
    }
    // A regex inside a filter would run unbounded on the prober: body regexes have their own type.
    if (path.contains("=~")) {
      throw new InvalidProbeSpec(
          field + ".path", "must not use regex filters (=~); use BODY_MATCHES");
    }
    try {
      JsonPath.compile(path);
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw new InvalidProbeSpec(field + ".path", "is not a valid JSON path: " + e.getMessage());
    }
    if (!JSON_OPERATORS.contains(op())) {
      throw new InvalidProbeSpec(field + ".operator", "must be one of " + JSON_OPERATORS);
    }
    if (op() != Operator.EXISTS) {
      String expected = requireValue(field);
      if (op() != Operator.EQUALS && !isNumber(expected)) {
        throw new InvalidProbeSpec(field + ".value", "must be a number for " + op());
      }
    }
  }

  private void validateHeader(String field) {
    if (!isToken(header)) {
      throw new InvalidProbeSpec(field + ".header", "must be a header name (an RFC 7230 token)");
    }
    if (!HEADER_OPERATORS.contains(op())) {
      throw new InvalidProbeSpec(field + ".operator", "must be one of " + HEADER_OPERATORS);
    }
    String expected = requireValue(field);
    if (op() == Operator.MATCHES) {
      compile(field + ".value", expected);
    }
  }

  private String requireValue(String field) {
    if (value == null || value.isEmpty()) {
      throw new InvalidProbeSpec(field + ".value", "is required for " + type);
    }
    return value;
  }

  private static void compile(String field, String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new InvalidProbeSpec(field, "is not a valid regex: " + e.getDescription());
    }
  }

  /** Whether the text is a decimal number. */
  public static boolean isNumber(String text) {
    try {
      new BigDecimal(text.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A short description for failure messages, e.g. {@code JSON_PATH $.status EQUALS "UP"}. */
  public String describe() {
    String subject =
        switch (type) {
          case JSON_PATH -> "JSON_PATH " + path;
          case HEADER -> "HEADER " + header;
          default -> type.name();
        };
    return switch (type) {
      case JSON_PATH, HEADER ->
          subject + " " + op() + (op() == Operator.EXISTS ? "" : " \"" + value + "\"");
      case RESPONSE_TIME -> subject + " < " + value + " ms";
      default -> subject + " \"" + value + "\"";
    };
  }
}
