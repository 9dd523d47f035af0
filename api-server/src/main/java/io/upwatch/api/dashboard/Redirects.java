package io.upwatch.api.dashboard;

/** Where a form sends the browser afterwards: a path of this site only, never another host. */
final class Redirects {

  private Redirects() {}

  static String back(String requested, String fallback) {
    boolean local =
        requested != null
            && requested.startsWith("/")
            && !requested.startsWith("//")
            && !requested.contains("\\")
            && requested.chars().noneMatch(Character::isISOControl);
    return "redirect:" + (local ? requested : fallback);
  }
}
