package org.planlab.planner.exec;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.planlab.planner.workload.Workload;

/**
 * Generated data, cached per workload and scale factor for the life of the
 * process, after checking that it fits in memory.
 */
public final class Datasets {
  private Datasets() {
  }

  private static final Map<String, Dataset> CACHE = new ConcurrentHashMap<>();

  /** The most of the free heap the data may take: the rest is for executing plans. */
  static final double HEAP_SHARE = 0.6;

  /**
   * The data of {@code workload} at {@code sf}, generated on first use.
   *
   * @throws DataTooLargeException if it would not fit in this JVM's memory
   */
  public static Dataset of(Workload workload, double sf, Dataset.Progress progress) {
    String key = workload.name() + "@" + sf;
    Dataset d = CACHE.get(key);
    if (d != null) {
      return d;
    }
    synchronized (Datasets.class) {
      d = CACHE.get(key);
      if (d == null) {
        checkMemory(workload, sf);
        d = Dataset.generate(workload, sf, progress);
        CACHE.put(key, d);
      }
      return d;
    }
  }

  /** True if the data of {@code workload} at {@code sf} has been generated in this process. */
  public static boolean isCached(Workload workload, double sf) {
    return CACHE.containsKey(workload.name() + "@" + sf);
  }

  /**
   * Refuses a scale factor whose data would not fit, with what it needs,
   * before anything is generated.
   *
   * @throws DataTooLargeException if it would not fit
   */
  public static void checkMemory(Workload workload, double sf) {
    long needed = Dataset.estimateBytes(workload, sf);
    Runtime rt = Runtime.getRuntime();
    long cached = CACHE.isEmpty() ? 0 : rt.totalMemory() - rt.freeMemory();
    long available = (long) ((rt.maxMemory() - cached) * HEAP_SHARE);
    if (needed > available) {
      throw new DataTooLargeException(String.format(Locale.ROOT,
          "%s data at scale factor %s needs about %s of memory; this JVM can give it %s "
              + "(%.0f %% of its %s heap). Choose a smaller --sf, or raise the heap "
              + "(PLANLAB_JAVA_OPTS=-Xmx...)",
          workload.name(), sf, gib(needed), gib(available), HEAP_SHARE * 100,
          gib(rt.maxMemory())));
    }
  }

  static String gib(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
  }

  /** A scale factor too large for memory. */
  public static final class DataTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    DataTooLargeException(String message) {
      super(message);
    }
  }
}
