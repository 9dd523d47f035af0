package io.upwatch.api.status;

import io.swagger.v3.oas.annotations.media.Schema;
import io.upwatch.api.web.PrintableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A status page, as created or replaced.
 *
 * @param slug the public address {@code /status/{slug}}: 3-64 lower-case letters, digits and
 *     hyphens, not starting or ending with a hyphen; unique across all users
 * @param title the page's heading (printable text, up to 128 characters)
 * @param monitors the caller's URLs to show, in order (at most 100, each once)
 */
@Schema(
    example =
        """
        {"slug": "acme", "title": "Acme status",
         "monitors": [{"urlId": 1, "displayName": "Web shop", "showTarget": true}]}""")
public record StatusPageRequest(
    @NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
    @NotBlank
        @Size(max = 128)
        @Pattern(regexp = PrintableText.PATTERN, message = PrintableText.MESSAGE)
        String title,
    @NotNull @Size(max = StatusPageRequest.MAX_MONITORS)
        List<@NotNull @Valid MonitorChoice> monitors) {

  static final String SLUG = "^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$";
  static final String SLUG_MESSAGE =
      "must be 3-64 lower-case letters, digits and hyphens, not starting or ending with a hyphen";
  public static final int MAX_MONITORS = 100;
}
