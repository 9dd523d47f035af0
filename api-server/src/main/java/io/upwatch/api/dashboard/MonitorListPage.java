package io.upwatch.api.dashboard;

import java.util.List;

/**
 * One page of the monitors list.
 *
 * @param rows the monitors of this page, by name
 * @param filter the search, state filter and page that chose them
 * @param total how many monitors match the search, or null when a state filter is set (counting
 *     those would read every monitor's last check)
 * @param hasNext whether another page follows
 */
public record MonitorListPage(
    List<MonitorRow> rows, MonitorFilter filter, Long total, boolean hasNext) {

  public boolean hasPrevious() {
    return filter.page() > 0;
  }

  public int firstNumber() {
    return filter.offset() + 1;
  }

  public int lastNumber() {
    return filter.offset() + rows.size();
  }
}
