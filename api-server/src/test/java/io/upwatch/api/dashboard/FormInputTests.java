package io.upwatch.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the pages take from the query string and the forms. */
class FormInputTests {

  @Test
  void redirectsGoOnlyToPathsOfThisSite() {
    assertThat(Redirects.back("/?page=2&state=down", "/"))
        .isEqualTo("redirect:/?page=2&state=down");
    assertThat(Redirects.back("//evil.example/", "/x")).isEqualTo("redirect:/x");
    assertThat(Redirects.back("https://evil.example/", "/x")).isEqualTo("redirect:/x");
    assertThat(Redirects.back("/\\evil.example", "/x")).isEqualTo("redirect:/x");
    assertThat(Redirects.back("/a\r\nSet-Cookie: x=y", "/x")).isEqualTo("redirect:/x");
    assertThat(Redirects.back(null, "/x")).isEqualTo("redirect:/x");
  }

  @Test
  void searchTextIsMatchedLiterallyNotAsALikePattern() {
    var filter = MonitorFilter.of("  50%_off\\ ", null, null);
    assertThat(filter.query()).isEqualTo("50%_off\\");
    assertThat(filter.likePattern()).isEqualTo("%50\\%\\_off\\\\%");
  }

  @Test
  void unknownStatesAndNegativePagesAreIgnored() {
    var filter = MonitorFilter.of(null, "sideways", -3);
    assertThat(filter.state()).isNull();
    assertThat(filter.page()).isZero();
    assertThat(MonitorFilter.of(null, "no-data", 2).state()).isEqualTo(MonitorState.NO_DATA);
  }

  @Test
  void pageLinksKeepTheSearchAndFilterEncoded() {
    var filter = MonitorFilter.of("a b&c", "down", 0);
    assertThat(filter.pageLink(1)).isEqualTo("/?q=a%20b%26c&state=down&page=1");
    assertThat(MonitorFilter.of(null, null, 3).pageLink(0)).isEqualTo("/");
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(Durations.words(java.time.Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(Durations.words(java.time.Duration.ofMinutes(12))).isEqualTo("12 min");
    assertThat(Durations.words(java.time.Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
    assertThat(Durations.words(java.time.Duration.ofHours(52))).isEqualTo("2 d 4 h");
  }
}
