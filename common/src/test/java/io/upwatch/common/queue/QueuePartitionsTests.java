package io.upwatch.common.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class QueuePartitionsTests {

  @Test
  void urlIdsSpreadEvenlyOverThePartitionsWhateverTheirPattern() {
    var partitions = new QueuePartitions(16);
    for (long step : new long[] {1, 16, 1000}) {
      long[] counts = new long[16];
      LongStream.range(0, 16_000).forEach(i -> counts[partitions.of(1 + i * step)]++);
      assertThat(LongStream.of(counts).boxed().toList())
          .as("ids %d apart", step)
          .allSatisfy(n -> assertThat(n).isBetween(850L, 1150L));
    }
  }

  @Test
  void theMappingIsFixedForGoodSoThatEveryRoleAndEveryReleaseAgrees() {
    var partitions = new QueuePartitions(16);

    assertThat(LongStream.rangeClosed(1, 8).map(partitions::of).toArray())
        .containsExactly(12, 7, 14, 5, 5, 3, 13, 7);
    assertThat(new QueuePartitions(1).of(Long.MAX_VALUE)).isZero();
  }

  @Test
  void aCountOutsideOneToTheMaximumIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new QueuePartitions(0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new QueuePartitions(QueuePartitions.MAX + 1))
        .withMessageContaining("UPWATCH_QUEUE_PARTITIONS");
  }
}
