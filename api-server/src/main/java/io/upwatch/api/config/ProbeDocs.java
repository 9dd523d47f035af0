package io.upwatch.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Documents the public health probes of application.yml. springdoc's own actuator pages ({@code
 * show-actuator}) would list the secured actuator root but not the probe groups, and give them the
 * problem responses, while a probe answers DOWN with a health body. Runs last, so that the problem
 * responses are not added to these operations.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ProbeDocs implements OpenApiCustomizer {

  private static final String TAG = "Probes";
  private static final String HEALTH = "Health";

  @Override
  public void customise(OpenAPI openApi) {
    openApi.addTagsItem(
        new Tag().name(TAG).description("Health probes for load balancers and orchestrators."));
    openApi.getComponents().addSchemas(HEALTH, health());
    probe(
        openApi,
        "/actuator/health",
        "getHealth",
        "Overall health",
        "UP when the database and Redis answer; DOWN (503) otherwise.");
    probe(
        openApi,
        "/actuator/health/liveness",
        "getLiveness",
        "Liveness probe",
        "UP while the process can serve; restart it when DOWN (503).");
    probe(
        openApi,
        "/actuator/health/readiness",
        "getReadiness",
        "Readiness probe",
        "UP when the server accepts traffic and the database answers; stop routing to it when"
            + " DOWN (503).");
  }

  private static void probe(
      OpenAPI openApi, String path, String id, String summary, String description) {
    Content body =
        new Content()
            .addMediaType(
                "application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + HEALTH)));
    var operation =
        new Operation()
            .operationId(id)
            .summary(summary)
            .description(description)
            .addTagsItem(TAG)
            // Public: the security configuration opens /actuator/health/**.
            .security(List.of())
            .responses(
                new ApiResponses()
                    .addApiResponse("200", new ApiResponse().description("UP.").content(body))
                    .addApiResponse(
                        "503",
                        new ApiResponse().description("DOWN or OUT_OF_SERVICE.").content(body)));
    openApi.path(path, new PathItem().get(operation));
  }

  private static Schema<?> health() {
    return new ObjectSchema()
        .description("A health status; details are not shown.")
        .addProperty(
            "status",
            new StringSchema()
                ._enum(List.of("UP", "DOWN", "OUT_OF_SERVICE", "UNKNOWN"))
                .description("The aggregated status."))
        .addProperty(
            "groups",
            new ArraySchema()
                .items(new StringSchema())
                .description("The probe groups, on /actuator/health only."))
        .addRequiredItem("status");
  }
}
