package io.upwatch.api.populate;

import io.upwatch.api.config.ApiProperties;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the experiment's {@code root} user with {@code POPULATE_URL_COUNT} URLs, once: whichever
 * replica inserts the user adds the URLs in the same transaction; the others find it and skip.
 * First checks are spread over one interval so the scheduler starts without a burst.
 */
@Component
class RootUserPopulator implements ApplicationRunner {

  static final String ROOT = "root";
  private static final int BATCH = 1000;
  private static final Logger log = LoggerFactory.getLogger(RootUserPopulator.class);

  private final ApiProperties properties;
  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final PasswordEncoder passwordEncoder;
  private final TransactionTemplate transaction;

  RootUserPopulator(
      ApiProperties properties,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      PasswordEncoder passwordEncoder,
      TransactionTemplate transaction) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.passwordEncoder = passwordEncoder;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    var populate = properties.populate();
    if (populate.urlCount() <= 0) {
      return;
    }
    String password = populate.rootPassword();
    boolean generated = password == null || password.isBlank();
    if (generated) {
      byte[] random = new byte[12];
      new SecureRandom().nextBytes(random);
      password = HexFormat.of().formatHex(random);
    }
    String hash = passwordEncoder.encode(password);
    Boolean created = transaction.execute(status -> populate(hash, populate));
    if (Boolean.TRUE.equals(created)) {
      log.info("Created user '{}' with {} URLs", ROOT, populate.urlCount());
      if (generated) {
        log.warn(
            "Generated password of user '{}': {} (set POPULATE_ROOT_PASSWORD to choose one)",
            ROOT,
            password);
      }
    } else {
      log.info("User '{}' exists; POPULATE_URL_COUNT has been applied before", ROOT);
    }
  }

  private boolean populate(String hash, ApiProperties.Populate populate) {
    List<Long> inserted =
        jdbc.sql(
                "INSERT INTO users (username, password_hash) VALUES (?, ?)"
                    + " ON CONFLICT (username) DO NOTHING RETURNING id")
            .params(ROOT, hash)
            .query(Long.class)
            .list();
    if (inserted.isEmpty()) {
      return false;
    }
    long userId = inserted.getFirst();
    int interval = Math.toIntExact(properties.defaultInterval().toSeconds());
    int timeoutMs = Math.toIntExact(properties.defaultTimeout().toMillis());
    int window = Math.toIntExact(properties.defaultFailureWindow().toSeconds());
    List<Object[]> rows = new ArrayList<>(BATCH);
    for (int n = 1; n <= populate.urlCount(); n++) {
      rows.add(
          new Object[] {
            userId,
            "url" + n,
            populate.urlTemplate().replace("{n}", Integer.toString(n)),
            interval,
            timeoutMs,
            window
          });
      if (rows.size() == BATCH || n == populate.urlCount()) {
        jdbcTemplate.batchUpdate(
            """
            INSERT INTO urls (user_id, name, url, threshold, interval_seconds, timeout_ms,
                              failure_window_seconds, next_check_at)
            VALUES (?, ?, ?, 5, ?, ?, ?, now() + random() * make_interval(secs => ?))
            """,
            rows.stream()
                .map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[3]})
                .toList());
        rows.clear();
      }
    }
    return true;
  }
}
