package io.upwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.upwatch.testing.LocalRedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API without Redis, on a private Redis server that the test freezes and kills: logins answer
 * 503 problem+json with Retry-After within the command timeout, requests that need only PostgreSQL
 * keep answering even while more logins wait than the pool has connections, and logins work again
 * within two seconds of Redis answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RedisOutageIntegrationTests {

  private static final LocalRedisServer redis = LocalRedisServer.start();
  private static final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  String token;

  @DynamicPropertySource
  static void privateRedis(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", redis::port);
    registry.add("spring.data.redis.database", () -> 0);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void signUp() throws Exception {
    String user = "outage" + System.nanoTime() % 1_000_000;
    assertThat(send("POST", "/user/signup", credentials(user), null).statusCode()).isEqualTo(201);
    var login = send("POST", "/user/login", credentials(user), null);
    assertThat(login.statusCode()).isEqualTo(200);
    token = login.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  @Test
  void frozenRedisGivesFast503LoginsWhileListingsStillAnswer() throws Exception {
    redis.pause();
    try {
      List<CompletableFuture<Timed>> logins = new ArrayList<>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        // More waiting logins than the database pool has connections (10).
        for (int i = 0; i < 16; i++) {
          logins.add(
              CompletableFuture.supplyAsync(
                  () -> timed("POST", "/user/login", credentials("nobody" + token.length()), null),
                  pool));
        }
        Thread.sleep(500);
        for (int i = 0; i < 5; i++) {
          Timed listing = timed("GET", "/api/v1/urls", null, token);
          assertThat(listing.response().statusCode()).isEqualTo(200);
          assertThat(listing.elapsed()).isLessThan(Duration.ofSeconds(1));
        }
        for (var login : logins) {
          Timed answer = login.get();
          assertThat(answer.response().statusCode()).isEqualTo(503);
          assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
          assertThat(answer.response().headers().firstValue("Content-Type"))
              .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
          assertThat(answer.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
      }
    } finally {
      redis.resume();
    }
    assertLoginsWorkWithin(Duration.ofSeconds(2));
  }

  @Test
  void stoppedRedisRefusesLoginsAtOnceAndARestartedOneIsUsedWithinTwoSeconds() throws Exception {
    redis.stop();
    try {
      Timed login = timed("POST", "/user/login", credentials("nobody"), null);
      assertThat(login.response().statusCode()).isEqualTo(503);
      assertThat(login.elapsed()).isLessThan(Duration.ofSeconds(5));
      assertThat(timed("GET", "/api/v1/urls", null, token).response().statusCode()).isEqualTo(200);
      Thread.sleep(3000);
    } finally {
      redis.startAgain();
    }
    assertLoginsWorkWithin(Duration.ofSeconds(2));
  }

  private void assertLoginsWorkWithin(Duration limit) throws Exception {
    long start = System.nanoTime();
    int status;
    do {
      status = send("POST", "/user/login", credentials("nobody"), null).statusCode();
      if (status != 503) {
        break;
      }
      Thread.sleep(50);
    } while (System.nanoTime() - start < limit.toNanos());
    // Wrong credentials for an unknown account: the throttle (Redis) answered.
    assertThat(status).isEqualTo(401);
  }

  private Timed timed(String method, String path, String body, String bearer) {
    long start = System.nanoTime();
    try {
      var response = send(method, path, body, bearer);
      return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String bearer)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String credentials(String user) {
    return "{\"username\": \"" + user + "\", \"password\": \"12345678\"}";
  }

  private record Timed(HttpResponse<String> response, Duration elapsed) {}
}
