package io.upwatch.api.badge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadgeTests {

  @Test
  void sectionsAreAsWideAsTheirTextInVerdanaPlusPadding() {
    assertThat(Badge.width("up")).isEqualTo(24);
    assertThat(Badge.width("uptime 30d")).isEqualTo(74);
    assertThat(Badge.width("mmmm")).isGreaterThan(Badge.width("iiii") + 25);
    assertThat(Badge.width("é")).as("outside ASCII: as wide as an m").isEqualTo(Badge.width("m"));
  }

  @Test
  void theSvgPlacesBothTextsInTheMiddleOfTheirSections() {
    String svg = new Badge("uptime 30d", "99.95%", Badge.GREEN).svg();

    assertThat(svg)
        .contains("width=\"128\"", "<rect width=\"74\"", "<rect x=\"74\" width=\"54\"")
        .contains("x=\"370\"", "textLength=\"640\"", "x=\"1010\"", "textLength=\"440\"")
        .contains("<title>uptime 30d: 99.95%</title>");
  }

  @Test
  void differentBadgesInlinedInOnePageDoNotShareTheirClipOrGradient() {
    String up = new Badge("status", "up", Badge.GREEN).svg();
    String down = new Badge("status", "down", Badge.RED).svg();

    String clip = up.replaceAll("(?s).*<clipPath id=\"([^\"]+)\".*", "$1");
    assertThat(up).contains("clip-path=\"url(#" + clip + ")\"");
    assertThat(down).doesNotContain("id=\"" + clip + "\"");
  }

  @Test
  void textIsEscaped() {
    assertThat(new Badge("a<b", "\"&\"", Badge.GREY).svg())
        .contains("a&lt;b", "&quot;&amp;&quot;")
        .doesNotContain("a<b");
  }

  @Test
  void percentagesHaveAtMostTwoDecimals() {
    assertThat(Badge.percent(100.0)).isEqualTo("100%");
    assertThat(Badge.percent(99.9)).isEqualTo("99.9%");
    assertThat(Badge.percent(97.254)).isEqualTo("97.25%");
  }
}
