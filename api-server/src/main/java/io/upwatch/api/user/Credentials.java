package io.upwatch.api.user;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A username and password, for signup and login. Accepts everything the original accepted (3-10
 * letters or digits; 8-20 letters or digits) and more.
 *
 * @param username 3-32 letters, digits, '_', '.' or '-'
 * @param password 8-128 characters of any kind
 */
@Schema(
    example =
        """
    {"username": "alice", "password": "correct-horse-battery"}""")
public record Credentials(
    @NotBlank
        @Pattern(
            regexp = "[\\p{L}\\p{N}_.-]{3,32}",
            message = "must be 3-32 letters, digits, '_', '.' or '-'")
        String username,
    @NotBlank @Size(min = 8, max = 128) String password) {

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***]";
  }
}
