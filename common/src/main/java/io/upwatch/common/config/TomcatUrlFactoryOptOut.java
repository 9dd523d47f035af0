package io.upwatch.common.config;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops embedded Tomcat from installing its JVM-wide {@code URLStreamHandlerFactory}. It only
 * serves {@code jar:war:} URLs of packed WAR files, which Upwatch never uses, and a JVM accepts one
 * such factory: with it, the roles could not share one JVM ({@code FUNC=all}).
 */
public class TomcatUrlFactoryOptOut implements ApplicationListener<ApplicationStartingEvent> {

  private static final String FACTORY =
      "org.apache.catalina.webresources.TomcatURLStreamHandlerFactory";

  @Override
  public void onApplicationEvent(ApplicationStartingEvent event) {
    ClassLoader loader = event.getSpringApplication().getClassLoader();
    try {
      Class.forName(FACTORY, true, loader).getMethod("disable").invoke(null);
    } catch (ClassNotFoundException noTomcat) {
      // Nothing to opt out of.
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot disable " + FACTORY, e);
    }
  }
}
