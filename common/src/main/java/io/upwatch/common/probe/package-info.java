/**
 * How a monitor is checked beyond the original GET: {@link io.upwatch.common.probe.ProbeSpec}
 * (method, headers, body, redirects, accepted statuses, assertions, DNS query) and its one JSON
 * form, stored on the URL row, carried by the task stream only when set, and run by the prober.
 */
package io.upwatch.common.probe;
