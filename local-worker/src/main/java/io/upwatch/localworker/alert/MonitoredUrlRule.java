package io.upwatch.localworker.alert;

import java.time.Duration;

/**
 * What alert evaluation and its log lines need to know of a URL.
 *
 * @param id the URL's id
 * @param name its name
 * @param target the address it checks
 * @param rule the threshold-in-window rule each of its regions is held to now
 * @param quorum its regions and how many of them must be in breach now
 * @param interval its check interval
 * @param timeout its check timeout
 */
record MonitoredUrlRule(
    long id,
    String name,
    String target,
    AlertRule rule,
    QuorumRule quorum,
    Duration interval,
    Duration timeout) {}
