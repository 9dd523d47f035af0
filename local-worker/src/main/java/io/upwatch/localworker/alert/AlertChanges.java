package io.upwatch.localworker.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * What must change in the stored alerts of one URL so that they equal the rule's alerts from a slot
 * on. A stored and a computed alert that cover a common slot are the same incident: the row is kept
 * (its id, its notifications) and corrected; a computed alert with no stored counterpart is new; a
 * stored alert the checks no longer support is withdrawn.
 *
 * @param corrected stored alerts whose trigger, count or resolution changed, with the new values
 * @param resolved ids of stored alerts that were open and are now resolved (a subset of corrected)
 * @param added alerts to insert
 * @param withdrawn stored alerts to delete
 */
record AlertChanges(
    List<Correction> corrected,
    List<Long> resolved,
    List<AlertSpan> added,
    List<StoredAlert> withdrawn) {

  /** A stored alert and the values it must take. */
  record Correction(StoredAlert stored, AlertSpan span) {
    boolean triggerMoved() {
      return !stored.span().trigger().equals(span.trigger());
    }
  }

  /** Both lists are in slot order and hold no overlapping alerts within themselves. */
  static AlertChanges between(List<StoredAlert> stored, List<AlertSpan> computed) {
    List<Correction> corrected = new ArrayList<>();
    List<Long> resolved = new ArrayList<>();
    List<AlertSpan> added = new ArrayList<>();
    List<StoredAlert> withdrawn = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < stored.size() || j < computed.size()) {
      StoredAlert s = i < stored.size() ? stored.get(i) : null;
      AlertSpan c = j < computed.size() ? computed.get(j) : null;
      if (s != null && c != null && s.span().overlaps(c)) {
        if (!s.span().equals(c)) {
          corrected.add(new Correction(s, c));
          if (s.span().isOpen() && !c.isOpen()) {
            resolved.add(s.id());
          }
        }
        i++;
        j++;
      } else if (c == null || (s != null && s.span().trigger().isBefore(c.trigger()))) {
        withdrawn.add(s);
        i++;
      } else {
        added.add(c);
        j++;
      }
    }
    return new AlertChanges(corrected, resolved, added, withdrawn);
  }

  boolean isEmpty() {
    return corrected.isEmpty() && added.isEmpty() && withdrawn.isEmpty();
  }
}
