package io.upwatch.api.populate;

import io.upwatch.api.config.ApiProperties;
import io.upwatch.schema.UrlRows;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the experiment's {@code root} user with {@code POPULATE_URL_COUNT} URLs, once: whichever
 * replica inserts the user adds the URLs in the same transaction; the others find it and skip.
 * First checks are spread over one interval so the scheduler starts without a burst. The URLs go
 * through the shared bulk writer ({@link UrlRows}), as the benchmarks' do.
 */
@Component
class RootUserPopulator implements ApplicationRunner {

  static final String ROOT = "root";
  private static final Logger log = LoggerFactory.getLogger(RootUserPopulator.class);

  private final ApiProperties properties;
  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final PasswordEncoder passwordEncoder;
  private final TransactionTemplate transaction;
  private final Clock clock;

  RootUserPopulator(
      ApiProperties properties,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      PasswordEncoder passwordEncoder,
      TransactionTemplate transaction,
      Clock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.passwordEncoder = passwordEncoder;
    this.transaction = transaction;
    this.clock = clock;
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
    Instant now = clock.instant();
    var random = ThreadLocalRandom.current();
    List<UrlRows.NewUrl> urls = new ArrayList<>(populate.urlCount());
    for (int n = 1; n <= populate.urlCount(); n++) {
      urls.add(
          new UrlRows.NewUrl(
              userId,
              "url" + n,
              populate.urlTemplate().replace("{n}", Integer.toString(n)),
              5,
              interval,
              timeoutMs,
              window,
              true,
              now.plusMillis(random.nextLong(interval * 1000L))));
    }
    jdbcTemplate.execute((ConnectionCallback<Integer>) db -> UrlRows.insert(db, urls));
    return true;
  }
}
