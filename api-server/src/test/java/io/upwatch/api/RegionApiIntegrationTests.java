package io.upwatch.api;

import static io.upwatch.api.support.ApiClient.withToken;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.upwatch.api.support.ApiClient;
import io.upwatch.api.support.ApiIntegrationTest;
import io.upwatch.api.support.TestData;
import io.upwatch.common.region.RegionPresence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The regions route: the deployment's one region ({@code default}) with or without live workers,
 * and a region only a misconfigured worker names.
 */
@ApiIntegrationTest
class RegionApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiClient api;
  @Autowired TestData data;
  @Autowired StringRedisTemplate redis;

  private String token;
  private RegionPresence presence;

  @BeforeEach
  void signUp() throws Exception {
    data.reset();
    token = api.signUpAndLogIn("regions");
    presence = new RegionPresence(redis);
  }

  @Test
  void aRegionWithoutWorkersIsListedAsAbsent() throws Exception {
    mvc.perform(withToken(get("/api/v1/regions"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].name").value("default"))
        .andExpect(jsonPath("$.items[0].configured").value(true))
        .andExpect(jsonPath("$.items[0].live").value(false))
        .andExpect(jsonPath("$.items[0].workers").value(0))
        .andExpect(jsonPath("$.items[0].lastSeenAt").isEmpty())
        .andExpect(jsonPath("$.liveWithinSeconds").value(15));
  }

  @Test
  void liveWorkersAreCountedAndAnUnconfiguredRegionIsFlagged() throws Exception {
    presence.beat("default", "w1");
    presence.beat("default", "w2");
    presence.beat("mars", "m1");

    mvc.perform(withToken(get("/api/v1/regions"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.items[0].name").value("default"))
        .andExpect(jsonPath("$.items[0].live").value(true))
        .andExpect(jsonPath("$.items[0].workers").value(2))
        .andExpect(jsonPath("$.items[0].lastSeenAt").isNotEmpty())
        .andExpect(jsonPath("$.items[1].name").value("mars"))
        .andExpect(jsonPath("$.items[1].configured").value(false))
        .andExpect(jsonPath("$.items[1].live").value(true));
  }

  @Test
  void aRegionWhoseWorkersStoppedIsNotLiveButKeepsItsLastSighting() throws Exception {
    presence.beat("default", "w1");
    presence.leave("default", "w1");

    mvc.perform(withToken(get("/api/v1/regions"), token))
        .andExpect(jsonPath("$.items[0].live").value(false))
        .andExpect(jsonPath("$.items[0].workers").value(0))
        .andExpect(jsonPath("$.items[0].lastSeenAt").isNotEmpty());
  }

  @Test
  void theRegionsNeedAToken() throws Exception {
    mvc.perform(get("/api/v1/regions"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").exists());
  }
}
