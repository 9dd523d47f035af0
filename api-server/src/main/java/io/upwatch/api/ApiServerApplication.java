package io.upwatch.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The stateless REST API of Upwatch. Run as many replicas as the load needs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ApiServerApplication.class, args);
  }
}
