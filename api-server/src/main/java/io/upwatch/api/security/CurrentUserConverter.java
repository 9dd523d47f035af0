package io.upwatch.api.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Makes a {@link CurrentUser} the principal of every request with a valid token. */
class CurrentUserConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    long id;
    try {
      id = Long.parseLong(jwt.getSubject());
    } catch (NumberFormatException e) {
      throw new InvalidBearerTokenException("Token subject is not a user id");
    }
    var user = new CurrentUser(id, jwt.getClaimAsString(TokenIssuer.USERNAME_CLAIM));
    return new CurrentUserAuthentication(user, jwt);
  }

  /** An authenticated token whose principal is the {@link CurrentUser}. */
  static final class CurrentUserAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final transient Jwt jwt;

    CurrentUserAuthentication(CurrentUser user, Jwt jwt) {
      super(List.of());
      this.user = user;
      this.jwt = jwt;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return jwt;
    }

    @Override
    public CurrentUser getPrincipal() {
      return user;
    }
  }
}
