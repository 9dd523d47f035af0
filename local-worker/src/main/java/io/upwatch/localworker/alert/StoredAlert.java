package io.upwatch.localworker.alert;

/** An alert row: its id and what it says. */
record StoredAlert(long id, AlertSpan span) {}
