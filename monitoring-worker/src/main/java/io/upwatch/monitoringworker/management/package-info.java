/**
 * The worker's health and metrics endpoints ({@code /actuator/health/**}, {@code
 * /actuator/prometheus}, {@code /actuator/info}) on the JDK's own HTTP server: the worker serves
 * nothing else, so it carries no servlet container or MVC stack (their classes, threads and memory)
 * for a few probe and scrape requests a minute. The answers are actuator's own endpoints'.
 */
package io.upwatch.monitoringworker.management;
