package io.upwatch.api.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Describes the API for the OpenAPI document at /v3/api-docs and Swagger UI. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Upwatch API",
            version = "v1",
            description =
                "Uptime monitoring: register URLs, read their checks, stats and alerts. The"
                    + " /user, /url and /alert routes keep the original gomon contract."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
class OpenApiConfiguration {}
