package io.upwatch.common.queue;

import io.lettuce.core.ScriptOutputType;
import io.upwatch.common.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One round trip for a batch of results: per partition, a script adds every result to the
 * partition's result stream and only then acknowledges the tasks in the partition's task stream
 * (both under the partition's hash tag, so one slot on a cluster). If an add fails the script stops
 * there, so no task is acknowledged without its result (results added before the failure are
 * published again after the lease). The partitions' scripts run at once; a failure in any fails the
 * batch, the other partitions' results having been published and their tasks acknowledged.
 */
final class PublishAndAcknowledge {

  private static final RedisScript<Long> SCRIPT =
      RedisScript.of(
          """
          local i = 3
          local tasks = {}
          while i <= #ARGV do
            local count = tonumber(ARGV[i + 1])
            redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
                unpack(ARGV, i + 2, i + 1 + 2 * count))
            tasks[#tasks + 1] = ARGV[i]
            i = i + 2 + 2 * count
          end
          return redis.call('XACK', KEYS[2], ARGV[2], unpack(tasks))
          """,
          Long.class);

  private final AsyncBatch batch;
  private final long partitionCap;

  /**
   * @param partitionCap approximate cap of each partition's result stream, or {@link
   *     StreamQueue#UNCAPPED} where it is not known (then this refuses to publish)
   */
  PublishAndAcknowledge(AsyncBatch batch, long partitionCap) {
    this.batch = batch;
    this.partitionCap = partitionCap;
  }

  /**
   * @param taskStream the key of each partition's task stream the answered tasks are in
   */
  void run(List<ResultQueue.Answer> answers, IntFunction<String> taskStream) {
    if (partitionCap == StreamQueue.UNCAPPED) {
      // MAXLEN ~ 0 would trim the stream to nothing: only a publisher that knows the cap publishes.
      throw new IllegalStateException("The result stream's cap is not configured here");
    }
    Map<Integer, List<String>> argsByPartition = new TreeMap<>();
    for (var answer : answers) {
      List<String> args =
          argsByPartition.computeIfAbsent(
              answer.task().partition(),
              p -> new ArrayList<>(List.of(Long.toString(partitionCap), Streams.MONITORING_GROUP)));
      Map<String, String> fields = answer.result().toFields();
      args.add(answer.task().id().getValue());
      args.add(Integer.toString(fields.size()));
      fields.forEach(
          (name, value) -> {
            args.add(name);
            args.add(value);
          });
    }
    List<AsyncBatch.ScriptCall> calls = new ArrayList<>(argsByPartition.size());
    argsByPartition.forEach(
        (partition, args) ->
            calls.add(
                new AsyncBatch.ScriptCall(
                    List.of(Streams.results(partition), taskStream.apply(partition)), args)));
    batch.eval(SCRIPT, ScriptOutputType.INTEGER, calls);
  }
}
