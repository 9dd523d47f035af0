package io.upwatch.api.status;

import io.swagger.v3.oas.annotations.media.Schema;
import io.upwatch.api.web.PrintableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A monitor to show on a status page.
 *
 * @param urlId one of the caller's URLs
 * @param displayName the name the public sees (printable text, up to 64 characters)
 * @param showTarget true to show the URL's address on the page; false (default) keeps it private
 */
@Schema(
    example =
        """
        {"urlId": 1, "displayName": "Web shop", "showTarget": false}""")
public record MonitorChoice(
    @NotNull @Positive Long urlId,
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = PrintableText.PATTERN, message = PrintableText.MESSAGE)
        String displayName,
    Boolean showTarget) {}
