package io.upwatch.api.status;

import io.upwatch.api.persistence.Timestamped;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A user's public status page: its address, title and the monitors it shows. */
@Entity
@Table(name = "status_pages")
public class StatusPage extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  private String title;

  // A bag: any change rewrites the page's rows, so positions and the (page, url) key never clash
  // half-way, and a position left by a deleted URL is harmless.
  @ElementCollection
  @CollectionTable(name = "status_page_monitors", joinColumns = @JoinColumn(name = "page_id"))
  @OrderBy("position")
  private List<PageMonitor> monitors = new ArrayList<>();

  @Version private long version;

  protected StatusPage() {}

  StatusPage(long userId, String slug, String title) {
    this.userId = userId;
    this.slug = slug;
    this.title = title;
  }

  void change(String slug, String title, List<PageMonitor> monitors) {
    this.slug = slug;
    this.title = title;
    this.monitors.clear();
    this.monitors.addAll(monitors);
  }

  public Long getId() {
    return id;
  }

  String getSlug() {
    return slug;
  }

  String getTitle() {
    return title;
  }

  List<PageMonitor> getMonitors() {
    return List.copyOf(monitors);
  }
}
