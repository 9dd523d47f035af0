package io.upwatch.api.alert;

import io.upwatch.api.url.MonitoredUrl;
import io.upwatch.api.url.UrlService;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Alerts of the caller's URLs, for both route families. */
@Service
public class AlertService {

  private final UrlService urls;
  private final AlertRepository alerts;

  AlertService(UrlService urls, AlertRepository alerts) {
    this.urls = urls;
    this.alerts = alerts;
  }

  @Transactional(readOnly = true)
  public Page<Alert> ofUrl(long userId, long urlId, Pageable pageable) {
    return alerts.findByUrlId(urls.get(userId, urlId).getId(), pageable);
  }

  /** Every alert of the named URL, newest first, with the URL itself. */
  @Transactional(readOnly = true)
  public UrlAlerts ofUrlNamed(long userId, String name) {
    MonitoredUrl url = urls.getByName(userId, name);
    return new UrlAlerts(url, alerts.findByUrlIdOrderByOpenedAtDesc(url.getId()));
  }

  @Transactional(readOnly = true)
  public Page<Alert> ofUser(long userId, boolean openOnly, Pageable pageable) {
    return alerts.findByOwner(userId, openOnly, pageable);
  }

  /**
   * A URL and its alerts.
   *
   * @param url the URL
   * @param alerts its alerts, newest first
   */
  public record UrlAlerts(MonitoredUrl url, List<Alert> alerts) {}
}
