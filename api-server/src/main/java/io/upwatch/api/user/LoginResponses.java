package io.upwatch.api.user;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents what both login routes answer, the throttle's refusals included. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "Logged in.")
@ApiResponse(responseCode = "401", description = "Wrong username or password.")
@ApiResponse(
    responseCode = "429",
    description = "Too many failed logins; retry after `Retry-After` seconds.")
@ApiResponse(
    responseCode = "503",
    description =
        "The login throttle's store is unavailable, so no login is checked; retry after"
            + " `Retry-After` seconds.")
@interface LoginResponses {}
