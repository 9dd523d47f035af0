package io.upwatch.api.web;

import java.net.URI;

/** Stable identifiers of the problems the API reports, as RFC 9457 {@code type} URIs. */
public final class ProblemTypes {

  private static final String BASE = "https://upwatch.io/problems/";

  private ProblemTypes() {}

  /** The type URI of the problem with the given short name, e.g. {@code url-limit-reached}. */
  public static URI of(String name) {
    return URI.create(BASE + name);
  }
}
