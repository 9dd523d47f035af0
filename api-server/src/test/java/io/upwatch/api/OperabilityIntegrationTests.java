package io.upwatch.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Probes, the OpenAPI document and Swagger UI are reachable without a token. */
@ApiIntegrationTest
class OperabilityIntegrationTests {

  @Autowired MockMvc mvc;

  @Test
  void livenessAndReadinessIncludingTheDatabaseAreUp() throws Exception {
    mvc.perform(get("/actuator/health/liveness"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
  }

  @Test
  void openApiDocumentDescribesBothRouteFamilies() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/url/register-url']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/urls/{id}/stats']").exists())
        .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
  }

  @Test
  void swaggerUiIsServed() throws Exception {
    mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
  }
}
