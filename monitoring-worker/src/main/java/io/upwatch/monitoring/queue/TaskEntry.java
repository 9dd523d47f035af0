package io.upwatch.monitoring.queue;

import java.util.Map;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * One entry of the task stream as this worker received it.
 *
 * @param id the stream entry id, which acknowledges it
 * @param fields the entry's fields, not yet known to be a valid task
 * @param deliveries how often the entry has been delivered, this delivery included
 */
record TaskEntry(RecordId id, Map<String, String> fields, long deliveries) {}
