package io.upwatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckTaskTests {

  @Test
  void taskRoundTripsThroughStreamFields() {
    var task =
        new CheckTask(
            new TaskId(7, Instant.ofEpochMilli(1_700_000_060_000L)),
            "https://example.com/health?x=1",
            Duration.ofSeconds(10));

    assertThat(CheckTask.fromFields(task.toFields())).isEqualTo(task);
  }

  @Test
  void taskIdIsUrlAndSlot() {
    var id = new TaskId(7, Instant.ofEpochMilli(1_700_000_060_000L));

    assertThat(id.toString()).isEqualTo("7:1700000060000");
    assertThat(TaskId.parse("7:1700000060000")).isEqualTo(id);
  }

  @Test
  void entryWithoutUrlIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CheckTask.fromFields(Map.of("id", "1:2", "timeoutMs", "10")));
    assertThatIllegalArgumentException().isThrownBy(() -> TaskId.parse("garbage"));
  }
}
