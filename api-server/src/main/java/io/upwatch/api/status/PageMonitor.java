package io.upwatch.api.status;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One monitor on a status page: which URL, under which name, and whether its target shows. */
@Embeddable
public class PageMonitor {

  @Column(nullable = false)
  private int position;

  @Column(name = "url_id", nullable = false)
  private long urlId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "show_target", nullable = false)
  private boolean showTarget;

  protected PageMonitor() {}

  PageMonitor(int position, long urlId, String displayName, boolean showTarget) {
    this.position = position;
    this.urlId = urlId;
    this.displayName = displayName;
    this.showTarget = showTarget;
  }

  long getUrlId() {
    return urlId;
  }

  String getDisplayName() {
    return displayName;
  }

  boolean isShowTarget() {
    return showTarget;
  }
}
