package io.upwatch.api.heartbeat;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;

/** The documented answers of every ping route. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(
    responseCode = "200",
    description = "Recorded (or ignored while the monitor is paused).",
    content =
        @Content(
            mediaType = MediaType.TEXT_PLAIN_VALUE,
            schema = @Schema(type = "string", example = "OK")))
@ApiResponse(responseCode = "404", description = "No heartbeat monitor has this token.")
@interface PingResponses {}
