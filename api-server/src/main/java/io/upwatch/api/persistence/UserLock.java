package io.upwatch.api.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Row-locks a user for the rest of the transaction, so that per-user limits (URLs, channels) hold
 * under concurrent requests.
 */
@Component
public class UserLock {

  private final JdbcClient jdbc;

  UserLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void lock(long userId) {
    jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query().listOfRows();
  }
}
