package io.upwatch.api.populate;

import static io.upwatch.api.support.ApiClient.credentials;
import static io.upwatch.api.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@ApiIntegrationTest
class RootUserPopulatorIntegrationTests {

  @Autowired ApiProperties properties;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired PasswordEncoder passwordEncoder;
  @Autowired TransactionTemplate transaction;
  @Autowired TestData data;
  @Autowired Clock clock;
  @Autowired MockMvc mvc;

  @BeforeEach
  void reset() {
    data.reset();
  }

  @Test
  void populateCreatesRootWithTheUrlsOnceOnly() throws Exception {
    var populator = populator(2500, "http://127.0.0.1:9000/t/{n}", "rootpassword");

    populator.run(new DefaultApplicationArguments());
    populator.run(new DefaultApplicationArguments());

    assertThat(data.count("users")).isEqualTo(1);
    assertThat(data.count("urls")).isEqualTo(2500);
    assertThat(jdbc.sql("SELECT url FROM urls WHERE name = 'url2500'").query(String.class).single())
        .isEqualTo("http://127.0.0.1:9000/t/2500");
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM urls
                    WHERE enabled AND threshold = 5 AND interval_seconds = ?
                      AND next_check_at IS NULL
                    """)
                .param(properties.defaultInterval().toSeconds())
                .query(Long.class)
                .single())
        .as("enabled, with the defaults")
        .isEqualTo(2500);
    assertThat(jdbc.sql("SELECT count(DISTINCT phase_ms) FROM urls").query(Long.class).single())
        .as("checks spread over one interval")
        .isGreaterThan(2000);
    mvc.perform(json(post("/user/login"), credentials("root", "rootpassword")))
        .andExpect(status().isOk());
  }

  @Test
  void zeroCountCreatesNothing() throws Exception {
    populator(0, "http://x/{n}", "").run(new DefaultApplicationArguments());

    assertThat(data.count("users")).isZero();
  }

  private RootUserPopulator populator(int count, String template, String password) {
    var populate = new ApiProperties.Populate(count, template, password);
    var configured =
        new ApiProperties(
            properties.jwt(),
            properties.maxUrlCount(),
            properties.maxChannelCount(),
            properties.defaultInterval(),
            properties.defaultTimeout(),
            properties.defaultFailureWindow(),
            properties.statsRetention(),
            properties.maxRequestBody(),
            properties.loginThrottle(),
            populate,
            properties.publicUrl(),
            properties.heartbeat());
    return new RootUserPopulator(
        configured, jdbc, jdbcTemplate, passwordEncoder, transaction, clock);
  }
}
