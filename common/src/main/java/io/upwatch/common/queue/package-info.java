/**
 * The two Redis streams that connect the roles, both ends in one place: {@link
 * io.upwatch.common.queue.TaskQueue} (schedule → probe) and {@link
 * io.upwatch.common.queue.ResultQueue} (probe → ingest), each a typed front of one {@link
 * io.upwatch.common.queue.StreamQueue}. Needs Spring Data Redis, which the roles bring.
 */
package io.upwatch.common.queue;
