package io.upwatch.api.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.upwatch.api.web.CreatedWithLocation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signup and login of the resource API. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

  private final UserService users;

  AuthController(UserService users) {
    this.users = users;
  }

  @Operation(
      operationId = "signUp",
      summary = "Sign up",
      description = "Creates a user; log in afterwards to get a token.")
  @SecurityRequirements
  @CreatedWithLocation
  @ApiResponse(responseCode = "409", description = "The username is taken.")
  @PostMapping("/signup")
  ResponseEntity<UserResponse> signUp(@Valid @RequestBody Credentials credentials) {
    var user = users.signUp(credentials);
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.getId()))
        .body(UserResponse.from(user));
  }

  @Operation(
      operationId = "logIn",
      summary = "Log in",
      description =
          "Exchanges a username and password for a JWT to send as `Authorization: Bearer"
              + " <token>`. Repeated failures for an account or from an address are throttled.")
  @SecurityRequirements
  @LoginResponses
  @PostMapping("/login")
  TokenResponse logIn(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
    var token = users.logIn(credentials, request.getRemoteAddr());
    return new TokenResponse(token.value(), "Bearer", token.expiresAt());
  }

  /**
   * A user as the resource API shows it.
   *
   * @param id the user's id
   * @param username the user's name
   * @param createdAt when the user signed up
   */
  record UserResponse(long id, String username, Instant createdAt) {
    static UserResponse from(UserAccount user) {
      return new UserResponse(user.getId(), user.getUsername(), user.getCreatedAt());
    }
  }

  /**
   * An access token.
   *
   * @param token the JWT to send as {@code Authorization: Bearer <token>}
   * @param tokenType always {@code Bearer}
   * @param expiresAt when the token stops being accepted
   */
  record TokenResponse(String token, String tokenType, Instant expiresAt) {}
}
