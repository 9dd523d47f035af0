package io.upwatch.api.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents a 201 whose {@code Location} header is the address of what was created. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "201",
    description = "Created; the body is the new resource.",
    headers =
        @Header(
            name = "Location",
            description = "The new resource's address.",
            schema = @Schema(type = "string", format = "uri-reference")))
public @interface CreatedWithLocation {}
