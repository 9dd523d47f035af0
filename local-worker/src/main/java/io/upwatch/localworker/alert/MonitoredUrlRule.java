package io.upwatch.localworker.alert;

import java.time.Duration;

/**
 * What alert evaluation and its log lines need to know of a URL.
 *
 * @param id the URL's id
 * @param name its name
 * @param target the address it checks
 * @param rule its alert rule now
 * @param interval its check interval
 * @param timeout its check timeout
 */
record MonitoredUrlRule(
    long id, String name, String target, AlertRule rule, Duration interval, Duration timeout) {}
