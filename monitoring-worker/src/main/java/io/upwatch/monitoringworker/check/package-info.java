/**
 * The prober's loop: {@code TaskConsumer} takes tasks from the task queue, {@code CheckRunner}
 * probes them and publishes each result to the result queue, acknowledging its task in the same
 * call. The queues themselves live in {@code io.upwatch.common.queue}.
 */
package io.upwatch.monitoringworker.check;
