package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.credentials;
import static io.upwatch.api.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Failed logins are limited per account (5 per 15 min) and per client address (20 per 15 min), with
 * counters in Redis; the limit holds even for the right password.
 */
@ApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;

  @BeforeEach
  void user() throws Exception {
    data.reset();
    api.signUpAndLogIn("alice");
  }

  @Test
  void accountIsLockedAfterFiveFailuresEvenForTheRightPassword(CapturedOutput output)
      throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(login("alice", "wrong-password", "10.0.0." + i))
          .andExpect(status().isUnauthorized());
    }
    assertThat(output)
        .contains("WARN")
        .contains("Logins for account 'alice' locked for PT15M after 5 failed attempts")
        .doesNotContain("wrong-password");

    mvc.perform(login("alice", ApiClient.PASSWORD, "10.0.0.99"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"));
    mvc.perform(login("/api/v1/auth/login", "alice", ApiClient.PASSWORD, "10.0.0.99"))
        .andExpect(status().isTooManyRequests());
  }

  @Test
  void addressIsLockedAfterTwentyFailuresAcrossAccounts(CapturedOutput output) throws Exception {
    for (int i = 0; i < 20; i++) {
      mvc.perform(login("guess" + i, "wrong-password", "10.9.9.9"))
          .andExpect(status().isUnauthorized());
    }

    mvc.perform(login("alice", ApiClient.PASSWORD, "10.9.9.9"))
        .andExpect(status().isTooManyRequests());
    mvc.perform(login("alice", ApiClient.PASSWORD, "10.9.9.10")).andExpect(status().isOk());
    assertThat(output).containsOnlyOnce("Logins from address 10.9.9.9 locked");
  }

  @Test
  void concurrentLoginsToOneAccountAreNeverRefusedAsUnavailable() throws Exception {
    // A success deletes the account's limiter, possibly while another attempt is between setting
    // it up and reading it: that attempt must retry, not answer 503.
    List<Callable<List<Integer>>> clients = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      String address = "10.7.0." + c;
      clients.add(
          () -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
              statuses.add(
                  mvc.perform(login("alice", ApiClient.PASSWORD, address))
                      .andReturn()
                      .getResponse()
                      .getStatus());
            }
            return statuses;
          });
    }
    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(clients.size())) {
      for (var result : pool.invokeAll(clients)) {
        statuses.addAll(result.get());
      }
    }
    assertThat(statuses).hasSize(80).containsOnly(200);
  }

  @Test
  void successClearsTheAccountsFailures() throws Exception {
    for (int i = 0; i < 4; i++) {
      mvc.perform(login("alice", "wrong-password", "10.1.0." + i));
    }
    mvc.perform(login("alice", ApiClient.PASSWORD, "10.1.1.1")).andExpect(status().isOk());

    for (int i = 0; i < 4; i++) {
      mvc.perform(login("alice", "wrong-password", "10.1.2." + i))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(login("alice", ApiClient.PASSWORD, "10.1.1.1")).andExpect(status().isOk());
  }

  private static MockHttpServletRequestBuilder login(String user, String password, String from) {
    return login("/user/login", user, password, from);
  }

  private static MockHttpServletRequestBuilder login(
      String path, String user, String password, String from) {
    return json(post(path), credentials(user, password))
        .with(
            request -> {
              request.setRemoteAddr(from);
              return request;
            });
  }
}
