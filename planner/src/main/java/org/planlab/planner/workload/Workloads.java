package org.planlab.planner.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The workloads on the class path, found through {@link ServiceLoader}. */
public final class Workloads {
  private Workloads() {
  }

  /**
   * All workloads, by name. They are found and built once per process: a
   * workload is immutable, and building one reads and edits its query
   * files (about 10 ms for TPC-H and TPC-DS together).
   */
  public static List<Workload> all() {
    return Loaded.ALL;
  }

  /** The workloads, loaded on first use. */
  private static final class Loaded {
    static final List<Workload> ALL = load();

    private static List<Workload> load() {
      List<Workload> list = new ArrayList<>();
      ServiceLoader.load(Workload.class, Workloads.class.getClassLoader()).forEach(list::add);
      list.sort(Comparator.comparing(Workload::name));
      return List.copyOf(list);
    }
  }

  /**
   * The workload with the given name.
   *
   * @throws UnknownQueryException naming the known suites if there is none
   */
  public static Workload byName(String name) {
    List<Workload> all = all();
    for (Workload w : all) {
      if (w.name().equalsIgnoreCase(name.trim())) {
        return w;
      }
    }
    throw new UnknownQueryException("unknown suite '" + name + "' (known: "
        + all.stream().map(Workload::name).collect(Collectors.joining(", ")) + ")");
  }
}
