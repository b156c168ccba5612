package org.planlab.planner.session;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.planlab.planner.result.StageTime;

/** Measures wall and CPU time of a stage on the current thread. */
public final class StageClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

  private final long wall0 = System.nanoTime();
  private final long cpu0 = cpuNanos();

  public static StageClock start() {
    return new StageClock();
  }

  public StageTime stop() {
    return new StageTime((System.nanoTime() - wall0) / 1e6, (cpuNanos() - cpu0) / 1e6);
  }

  private static long cpuNanos() {
    return CPU ? THREADS.getCurrentThreadCpuTime() : 0L;
  }
}
