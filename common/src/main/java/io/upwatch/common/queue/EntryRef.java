package io.upwatch.common.queue;

import org.springframework.data.redis.connection.stream.RecordId;

/**
 * Where an entry is: its partition and its id in that partition's stream. Ids are unique within one
 * stream only, so an entry is acknowledged, answered and handed back by both.
 *
 * @param partition the partition whose stream holds the entry
 * @param id the entry's id in that stream
 */
public record EntryRef(int partition, RecordId id) {

  @Override
  public String toString() {
    return partition + "/" + id.getValue();
  }
}
