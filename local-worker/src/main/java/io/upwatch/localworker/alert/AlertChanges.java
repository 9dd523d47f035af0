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
 * @param reopened ids of stored alerts that were resolved and are open again (a subset of
 *     corrected): with regions, a failure learned late can keep a quorum at the slot where the
 *     alert had resolved
 * @param added alerts to insert
 * @param withdrawn stored alerts to delete
 */
record AlertChanges(
    List<Correction> corrected,
    List<Long> resolved,
    List<Long> reopened,
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
    List<Long> reopened = new ArrayList<>();
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
          } else if (!s.span().isOpen() && c.isOpen()) {
            reopened.add(s.id());
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
    return new AlertChanges(corrected, resolved, reopened, added, withdrawn);
  }

  /** The changes of several histories (one URL's regions) together. */
  static AlertChanges concat(List<AlertChanges> parts) {
    List<Correction> corrected = new ArrayList<>();
    List<Long> resolved = new ArrayList<>();
    List<Long> reopened = new ArrayList<>();
    List<AlertSpan> added = new ArrayList<>();
    List<StoredAlert> withdrawn = new ArrayList<>();
    for (AlertChanges part : parts) {
      corrected.addAll(part.corrected);
      resolved.addAll(part.resolved);
      reopened.addAll(part.reopened);
      added.addAll(part.added);
      withdrawn.addAll(part.withdrawn);
    }
    return new AlertChanges(corrected, resolved, reopened, added, withdrawn);
  }

  boolean isEmpty() {
    return corrected.isEmpty() && added.isEmpty() && withdrawn.isEmpty();
  }
}
