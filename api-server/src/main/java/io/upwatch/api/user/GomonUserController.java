package io.upwatch.api.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The original's {@code /user} routes, with its request and response shapes. */
@RestController
@RequestMapping("/user")
@Tag(name = "gomon compatibility")
class GomonUserController {

  private final UserService users;

  GomonUserController(UserService users) {
    this.users = users;
  }

  @Operation(
      operationId = "gomonSignUp",
      summary = "Sign up (gomon)",
      description = "The original's signup: creates a user and answers it in gomon's field names.")
  @SecurityRequirements
  @ApiResponse(responseCode = "201", description = "Signed up.")
  @ApiResponse(responseCode = "409", description = "The username is taken.")
  @PostMapping("/signup")
  @ResponseStatus(HttpStatus.CREATED)
  GomonUser signUp(@Valid @RequestBody Credentials credentials) {
    return GomonUser.from(users.signUp(credentials));
  }

  @Operation(
      operationId = "gomonLogIn",
      summary = "Log in (gomon)",
      description =
          "The original's login: answers `{\"token\": \"<JWT>\"}`, throttled like /api/v1.")
  @SecurityRequirements
  @LoginResponses
  @PostMapping("/login")
  Map<String, String> logIn(
      @Valid @RequestBody Credentials credentials, HttpServletRequest request) {
    return Map.of("token", users.logIn(credentials, request.getRemoteAddr()).value());
  }

  /** A user in the original's field names; the password hash is never sent. */
  record GomonUser(
      @JsonProperty("ID") long id,
      @JsonProperty("CreatedAt") Instant createdAt,
      @JsonProperty("UpdatedAt") Instant updatedAt,
      @JsonProperty("DeletedAt") Instant deletedAt,
      @JsonProperty("Username") String username) {
    static GomonUser from(UserAccount user) {
      return new GomonUser(
          user.getId(), user.getCreatedAt(), user.getUpdatedAt(), null, user.getUsername());
    }
  }
}
