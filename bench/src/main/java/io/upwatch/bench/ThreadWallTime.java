package io.upwatch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one thread's wall time went, from a JFR recording made with every wait recorded (parks,
 * sleeps, socket reads and writes at a 0 ms threshold): the time blocked per event and Upwatch call
 * site, and the running samples. A loop that mostly waits (the scheduler, an ingestion consumer)
 * shows what it waits on, which CPU profiles cannot. Usage:
 *
 * <pre>
 * jfr configure --input profile jdk.ThreadPark#threshold=0ms jdk.ThreadSleep#threshold=0ms \
 *     jdk.SocketRead#threshold=0ms jdk.SocketWrite#threshold=0ms --output wall.jfc
 * jcmd PID JFR.start name=wall settings=wall.jfc; sleep 20; jcmd PID JFR.stop name=wall filename=w.jfr
 * java -cp bench/target/classes io.upwatch.bench.ThreadWallTime w.jfr scheduler
 * </pre>
 */
public final class ThreadWallTime {

  private static final int TOP = 12;
  private static final int DEPTH = 3;

  private ThreadWallTime() {}

  public static void main(String[] args) throws Exception {
    String thread = args[1];
    Map<String, Double> blocked = new HashMap<>();
    Map<String, Integer> running = new HashMap<>();
    double blockedMs = 0;
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = event.getEventType().getName().replace("jdk.", "");
      RecordedThread owner =
          type.equals("ExecutionSample")
              ? event.getThread("sampledThread")
              : event.hasField("eventThread") ? event.getThread("eventThread") : null;
      if (owner == null || owner.getJavaName() == null || !owner.getJavaName().startsWith(thread)) {
        continue;
      }
      String site = type + " " + site(event.getStackTrace());
      if (type.equals("ExecutionSample")) {
        running.merge(site, 1, Integer::sum);
        samples++;
      } else if (event.getDuration().compareTo(Duration.ZERO) > 0) {
        double ms = event.getDuration().toNanos() / 1e6;
        blocked.merge(site, ms, Double::sum);
        blockedMs += ms;
      }
    }
    System.out.printf(
        "thread %s*: %.0f ms blocked in recorded waits, %d running samples%n",
        thread, blockedMs, samples);
    blocked.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(TOP)
        .forEach(e -> System.out.printf("%9.0f ms  %s%n", e.getValue(), e.getKey()));
    running.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(TOP)
        .forEach(e -> System.out.printf("%9d run  %s%n", e.getValue(), e.getKey()));
  }

  /** The innermost Upwatch frames: where in our code the thread was. */
  private static String site(RecordedStackTrace stack) {
    if (stack == null) {
      return "?";
    }
    List<String> frames = new ArrayList<>();
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("io.upwatch") && !type.contains("$$")) {
        frames.add(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName());
        if (frames.size() == DEPTH) {
          break;
        }
      }
    }
    return frames.isEmpty() ? "(outside Upwatch code)" : String.join(" < ", frames);
  }
}
