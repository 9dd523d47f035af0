package io.upwatch.api.security;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take {@link CurrentUser} parameters. */
@Configuration(proxyBeanMethods = false)
class WebSecuritySupport implements WebMvcConfigurer {

  static {
    // The caller is resolved from the token (CurrentUserArgumentResolver), not sent as a
    // parameter; springdoc would otherwise document it as a required query parameter "user".
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentUserArgumentResolver());
  }
}
