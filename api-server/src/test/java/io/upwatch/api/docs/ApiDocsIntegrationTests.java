package io.upwatch.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Writes the OpenAPI document to {@code target/openapi.json}, where the build's lint step (Redocly
 * and Spectral, phase verify) checks it.
 */
@ApiIntegrationTest
class ApiDocsIntegrationTests {

  static final Path DOCUMENT = Path.of("target", "openapi.json");

  @Autowired MockMvc mvc;

  @Test
  void openApiDocumentIsWrittenForTheLinters() throws Exception {
    String document =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Files.createDirectories(DOCUMENT.getParent());
    Files.writeString(DOCUMENT, document);
    assertThat(document).contains("\"openapi\"");
    // The linters cannot tell that the caller, taken from the token, is no parameter.
    assertThat(document).doesNotContain("\"name\":\"user\"").doesNotContain("CurrentUser");
  }
}
