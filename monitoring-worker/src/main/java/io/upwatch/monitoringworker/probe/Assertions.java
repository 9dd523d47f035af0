package io.upwatch.monitoringworker.probe;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import io.upwatch.common.probe.Assertion;
import io.upwatch.common.probe.Assertion.Operator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates a check's assertions on its response: the bounded body the prober kept, the headers and
 * the latency. Everything is bounded: regexes by a time budget ({@link DeadlineCharSequence}), JSON
 * by the body limit and a nesting limit, and JSON paths cannot hold regexes (refused when the spec
 * is validated).
 */
final class Assertions {

  /** Time one body regex may take. */
  static final Duration REGEX_BUDGET = Duration.ofMillis(100);

  private static final int MAX_SEEN = 80;
  private static final int MAX_JSON_DEPTH = 64;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                  .build())
          .build();

  private static final Configuration PATHS = Configuration.defaultConfiguration();

  private Assertions() {}

  /** A message naming the first assertion that does not hold and what was seen, or null. */
  static String firstFailure(
      List<Assertion> assertions, ResponseHeaders headers, byte[] body, Duration latency) {
    String text = null;
    Object json = null;
    boolean jsonRead = false;
    for (Assertion assertion : assertions) {
      String seen;
      switch (assertion.type()) {
        case RESPONSE_TIME -> {
          long limit = Long.parseLong(assertion.value());
          seen = latency.toMillis() < limit ? null : "took " + latency.toMillis() + " ms";
        }
        case HEADER -> seen = header(assertion, headers.get(assertion.header()));
        case JSON_PATH -> {
          if (!jsonRead) {
            json = parse(body);
            jsonRead = true;
          }
          seen = json == null ? "body is not JSON" : jsonPath(assertion, json);
        }
        default -> {
          if (text == null) {
            text = new String(body, StandardCharsets.UTF_8);
          }
          seen = bodyText(assertion, text);
        }
      }
      if (seen != null) {
        return assertion.describe() + " failed: " + seen;
      }
    }
    return null;
  }

  private static String bodyText(Assertion assertion, String body) {
    return switch (assertion.type()) {
      case BODY_CONTAINS -> body.contains(assertion.value()) ? null : "not in the body";
      case BODY_NOT_CONTAINS -> body.contains(assertion.value()) ? "found in the body" : null;
      case BODY_MATCHES -> matches(assertion.value(), body) ? null : "no match in the body";
      default -> throw new IllegalArgumentException(assertion.type().name());
    };
  }

  private static boolean matches(String regex, String text) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REGEX_BUDGET.toMillis());
    try {
      return Pattern.compile(regex).matcher(new DeadlineCharSequence(text, deadline)).find();
    } catch (DeadlineCharSequence.RegexTimedOut e) {
      return false;
    } catch (StackOverflowError e) {
      // Deeply recursive patterns on long inputs: no match, rather than a dead check.
      return false;
    }
  }

  private static String header(Assertion assertion, String value) {
    if (value == null) {
      return "no such header";
    }
    boolean holds =
        assertion.op() == Operator.MATCHES
            ? matches(assertion.value(), value)
            : value.equals(assertion.value());
    return holds ? null : "saw " + quote(value);
  }

  private static Object parse(byte[] body) {
    try {
      return JSON.readValue(body, Object.class);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String jsonPath(Assertion assertion, Object json) {
    JsonPath path = JsonPath.compile(assertion.path());
    Object value;
    try {
      value = path.read(json, PATHS);
    } catch (PathNotFoundException e) {
      return "no such path";
    } catch (RuntimeException e) {
      return "path not readable: " + e.getMessage();
    }
    List<?> candidates = path.isDefinite() ? Collections.singletonList(value) : (List<?>) value;
    if (assertion.op() == Operator.EXISTS) {
      return candidates.isEmpty() ? "no such path" : null;
    }
    for (Object candidate : candidates) {
      if (compare(assertion, candidate)) {
        return null;
      }
    }
    return candidates.isEmpty() ? "no such path" : "saw " + quote(render(candidates, path));
  }

  private static boolean compare(Assertion assertion, Object actual) {
    String expected = assertion.value().strip();
    if (actual instanceof Number || (actual instanceof String s && Assertion.isNumber(s))) {
      if (Assertion.isNumber(expected)) {
        int order = new BigDecimal(actual.toString().strip()).compareTo(new BigDecimal(expected));
        return switch (assertion.op()) {
          case EQUALS -> order == 0;
          case LT -> order < 0;
          case LE -> order <= 0;
          case GT -> order > 0;
          case GE -> order >= 0;
          default -> false;
        };
      }
    }
    return assertion.op() == Operator.EQUALS && String.valueOf(actual).equals(assertion.value());
  }

  private static String render(List<?> candidates, JsonPath path) {
    Object shown = path.isDefinite() ? candidates.getFirst() : candidates;
    return String.valueOf(shown);
  }

  private static String quote(String seen) {
    String cut = seen.length() > MAX_SEEN ? seen.substring(0, MAX_SEEN) + "…" : seen;
    return "\"" + cut + "\"";
  }
}
