package io.upwatch.api.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads of a public page: the page and its monitors by slug, and their incidents. Every read
 * starts from the page's own rows, so nothing but what the owner chose can come out.
 */
@Repository
class PublicPageQueries {

  /** A page's monitor as the public may see it: the target only when chosen, in SQL already. */
  record MonitorRow(long urlId, String name, String target) {}

  record PageRow(long id, String slug, String title) {}

  record IncidentRow(long urlId, Instant openedAt, Instant resolvedAt) {}

  private final JdbcClient jdbc;

  PublicPageQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PageRow> page(String slug) {
    return jdbc.sql("SELECT id, slug, title FROM status_pages WHERE slug = ?")
        .param(slug)
        .query(
            (rs, row) -> new PageRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title")))
        .optional();
  }

  List<MonitorRow> monitors(long pageId) {
    return jdbc.sql(
            """
            SELECT m.url_id, m.display_name, CASE WHEN m.show_target THEN u.url END AS target
            FROM status_page_monitors m
            JOIN urls u ON u.id = m.url_id
            WHERE m.page_id = ?
            ORDER BY m.position
            """)
        .param(pageId)
        .query(
            (rs, row) ->
                new MonitorRow(
                    rs.getLong("url_id"), rs.getString("display_name"), rs.getString("target")))
        .list();
  }

  List<IncidentRow> incidents(List<Long> urlIds, Instant since, int limit) {
    if (urlIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT url_id, opened_at, resolved_at
            FROM alerts
            WHERE url_id = ANY(:ids) AND kind = 'AVAILABILITY'
              AND (opened_at > :since OR resolved_at IS NULL)
            ORDER BY opened_at DESC
            LIMIT :limit
            """)
        .param("ids", urlIds.toArray(Long[]::new))
        .param("since", Timestamp.from(since))
        .param("limit", limit)
        .query(
            (rs, row) -> {
              Timestamp resolved = rs.getTimestamp("resolved_at");
              return new IncidentRow(
                  rs.getLong("url_id"),
                  rs.getTimestamp("opened_at").toInstant(),
                  resolved == null ? null : resolved.toInstant());
            })
        .list();
  }
}
