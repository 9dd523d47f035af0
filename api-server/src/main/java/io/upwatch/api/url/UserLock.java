package io.upwatch.api.url;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Row-locks a user for the rest of the transaction. */
@Component
class UserLock {

  private final JdbcClient jdbc;

  UserLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void lock(long userId) {
    jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query().listOfRows();
  }
}
