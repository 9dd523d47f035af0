package io.upwatch.api.status;

import io.upwatch.api.persistence.UserLock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's status pages, for the API and the dashboard alike. Every method takes the owner's id.
 */
@Service
public class StatusPageService {

  /** Pages per user: each is public and read without sign-in, so keep them countable. */
  static final int MAX_PAGES = 20;

  private final StatusPageRepository pages;
  private final UserLock userLock;
  private final JdbcClient jdbc;

  StatusPageService(StatusPageRepository pages, UserLock userLock, JdbcClient jdbc) {
    this.pages = pages;
    this.userLock = userLock;
    this.jdbc = jdbc;
  }

  @Transactional
  public StatusPage create(long userId, StatusPageRequest request) {
    // Serialise per user, so concurrent creations cannot overshoot the limit.
    userLock.lock(userId);
    if (pages.countByUserId(userId) >= MAX_PAGES) {
      throw new StatusPageLimitReached(MAX_PAGES);
    }
    if (pages.existsBySlug(request.slug())) {
      throw new SlugTaken(request.slug());
    }
    var page = new StatusPage(userId, request.slug(), request.title());
    page.change(request.slug(), request.title(), monitors(userId, request.monitors()));
    return save(page);
  }

  @Transactional(readOnly = true)
  public List<StatusPage> list(long userId) {
    return pages.findByUserIdOrderById(userId);
  }

  @Transactional(readOnly = true)
  public StatusPage get(long userId, long pageId) {
    return pages.findByIdAndUserId(pageId, userId).orElseThrow(StatusPageNotFound::new);
  }

  @Transactional
  public StatusPage replace(long userId, long pageId, StatusPageRequest request) {
    StatusPage page = get(userId, pageId);
    if (!request.slug().equals(page.getSlug()) && pages.existsBySlug(request.slug())) {
      throw new SlugTaken(request.slug());
    }
    page.change(request.slug(), request.title(), monitors(userId, request.monitors()));
    return save(page);
  }

  @Transactional
  public void delete(long userId, long pageId) {
    pages.delete(get(userId, pageId));
  }

  // Ids that are not the caller's are reported exactly like ids that do not exist.
  private List<PageMonitor> monitors(long userId, List<MonitorChoice> choices) {
    Set<Long> requested = new HashSet<>();
    for (MonitorChoice choice : choices) {
      if (!requested.add(choice.urlId())) {
        throw new InvalidStatusPage("monitors", "URL " + choice.urlId() + " is listed twice");
      }
    }
    if (!requested.isEmpty()) {
      Set<Long> unknown = new TreeSet<>(requested);
      jdbc.sql("SELECT id FROM urls WHERE user_id = ? AND id = ANY(?)")
          .params(userId, requested.toArray(Long[]::new))
          .query(Long.class)
          .list()
          .forEach(unknown::remove);
      if (!unknown.isEmpty()) {
        throw new InvalidStatusPage("monitors", "you have no URLs with ids " + unknown);
      }
    }
    List<PageMonitor> monitors = new ArrayList<>();
    for (MonitorChoice choice : choices) {
      monitors.add(
          new PageMonitor(
              monitors.size(),
              choice.urlId(),
              choice.displayName(),
              Boolean.TRUE.equals(choice.showTarget())));
    }
    return monitors;
  }

  private StatusPage save(StatusPage page) {
    try {
      return pages.saveAndFlush(page);
    } catch (DataIntegrityViolationException raced) {
      throw new SlugTaken(page.getSlug());
    }
  }
}
