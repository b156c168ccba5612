package org.planlab.planner.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which operators of two plans correspond, and how they differ: the
 * structural diff the viewer shades and the CLI reports. Every operator of
 * the left plan is {@link Mark#SAME}, {@link Mark#CHANGED} or
 * {@link Mark#REMOVED}; every operator of the right plan {@code SAME},
 * {@code CHANGED} or {@link Mark#ADDED}; corresponding operators are paired
 * one to one.
 *
 * <p>Two passes, in the manner of GumTree (Falleri et al., 2014), simplified
 * for plans:
 * <ol>
 *   <li>Top down: the roots' inputs are aligned as sequences (a longest
 *       common subsequence, weighted: the same kind of operator over the same
 *       tables counts most, the same tables next, the same kind over some of
 *       the same tables last), paired
 *       ones recursively. An operator one plan has and the other has not, such
 *       as a Gather above a subtree, is skipped: the alignment goes on one
 *       level down on that side.</li>
 *   <li>Bottom up: operators still unpaired are paired with an unpaired
 *       operator of the same kind over the same tables anywhere in the other
 *       plan, first come first served in pre-order, so that a scan or a join
 *       that moved in a new join order is found.</li>
 * </ol>
 * Kinds ignore the {@code Enumerable} and {@code Parallel} prefixes, the
 * join algorithm and the halves of an aggregation, so a parallel scan
 * corresponds to the serial scan it replaced, and a hash join to the merge
 * join it replaced. A pair is {@code SAME} when operator, details, rows, cost
 * and degree are all equal, else {@code CHANGED}. Deterministic: the same
 * two plans always give the same diff.
 *
 * @param left the mark of each left operator, by id
 * @param right the mark of each right operator, by id
 * @param pairs left id to right id of corresponding operators, in left pre-order
 */
public record PlanDiff(Map<Integer, Mark> left, Map<Integer, Mark> right,
    Map<Integer, Integer> pairs) {

  /** How an operator fares in the other plan. */
  public enum Mark { SAME, CHANGED, REMOVED, ADDED }

  public PlanDiff {
    left = Collections.unmodifiableMap(new LinkedHashMap<>(left));
    right = Collections.unmodifiableMap(new LinkedHashMap<>(right));
    pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
  }

  /** The right operator that corresponds to left operator {@code id}, if any. */
  public Optional<Integer> rightOf(int id) {
    return Optional.ofNullable(pairs.get(id));
  }

  /** The left operator that corresponds to right operator {@code id}, if any. */
  public Optional<Integer> leftOf(int id) {
    return pairs.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey)
        .findFirst();
  }

  /** Operators of both plans with this mark. */
  public long count(Mark mark) {
    return left.values().stream().filter(m -> m == mark).count()
        + (mark == Mark.SAME || mark == Mark.CHANGED ? 0
            : right.values().stream().filter(m -> m == mark).count());
  }

  /** True if the plans are the same operator for operator. */
  public boolean identical() {
    return left.values().stream().allMatch(m -> m == Mark.SAME)
        && right.values().stream().allMatch(m -> m == Mark.SAME);
  }

  public static PlanDiff of(PlanSnapshot a, PlanSnapshot b) {
    return new Differ(a, b).diff();
  }

  /** The operator's kind: its name without engine prefixes, join algorithm and aggregation halves. */
  static String kind(PlanNode n) {
    String op = n.operator();
    for (String prefix : List.of("Enumerable", "Parallel")) {
      if (op.startsWith(prefix) && op.length() > prefix.length()) {
        op = op.substring(prefix.length());
      }
    }
    if (op.endsWith("Join")) {
      return "Join"; // hash, merge or nested loop: the same join, done another way
    }
    return switch (op) {
      case "PartialAggregate", "FinalizeAggregate", "SortedAggregate" -> "Aggregate";
      case "LimitSort" -> "Sort";
      default -> op;
    };
  }

  private static final class Differ {
    private final PlanSnapshot a;
    private final PlanSnapshot b;
    private final Map<PlanNode, Set<String>> tables = new IdentityHashMap<>();
    private final Map<PlanNode, PlanNode> aToB = new IdentityHashMap<>();
    private final Map<PlanNode, PlanNode> bToA = new IdentityHashMap<>();

    Differ(PlanSnapshot a, PlanSnapshot b) {
      this.a = a;
      this.b = b;
      tablesOf(a.root());
      tablesOf(b.root());
    }

    private Set<String> tablesOf(PlanNode n) {
      Set<String> t = new TreeSet<>();
      String table = n.details().get("table");
      if (table != null && n.operator().endsWith("TableScan")) {
        t.add(table);
      }
      n.inputs().forEach(i -> t.addAll(tablesOf(i)));
      tables.put(n, t);
      return t;
    }

    PlanDiff diff() {
      align(List.of(a.root()), List.of(b.root()));
      pairLeftovers();
      Map<Integer, Mark> left = new HashMap<>();
      Map<Integer, Mark> right = new HashMap<>();
      Map<Integer, Integer> pairs = new LinkedHashMap<>();
      for (PlanNode n : a.nodes()) {
        PlanNode m = aToB.get(n);
        left.put(n.id(), m == null ? Mark.REMOVED : equal(n, m) ? Mark.SAME : Mark.CHANGED);
        if (m != null) {
          pairs.put(n.id(), m.id());
        }
      }
      for (PlanNode n : b.nodes()) {
        PlanNode m = bToA.get(n);
        right.put(n.id(), m == null ? Mark.ADDED : equal(m, n) ? Mark.SAME : Mark.CHANGED);
      }
      return new PlanDiff(sorted(left), sorted(right), pairs);
    }

    private static Map<Integer, Mark> sorted(Map<Integer, Mark> m) {
      Map<Integer, Mark> s = new LinkedHashMap<>();
      m.keySet().stream().sorted().forEach(k -> s.put(k, m.get(k)));
      return s;
    }

    private static boolean equal(PlanNode x, PlanNode y) {
      return x.operator().equals(y.operator()) && x.details().equals(y.details())
          && sameNumber(x.rows(), y.rows()) && x.cumulativeCost().equals(y.cumulativeCost())
          && x.degree() == y.degree();
    }

    private static boolean sameNumber(double x, double y) {
      return Double.compare(x, y) == 0;
    }

    /**
     * 3: the same kind over the same tables; 2: the same tables; 1: the same
     * kind over some of the same tables; 0: unrelated, or one of them fully matches an operator below the
     * other (operators were added or removed in between, and the alignment
     * goes down instead).
     */
    private int score(PlanNode x, PlanNode y) {
      int s = direct(x, y);
      if (s == 3 || s == 0) {
        return s;
      }
      return matchesBelow(x, y) || matchesBelow(y, x) ? 0 : s;
    }

    /** True if {@code x} fully matches an operator somewhere below {@code y}. */
    private boolean matchesBelow(PlanNode x, PlanNode y) {
      for (PlanNode yi : y.inputs()) {
        if (direct(x, yi) == 3 || direct(yi, x) == 3 || matchesBelow(x, yi)) {
          return true;
        }
      }
      return false;
    }

    private int direct(PlanNode x, PlanNode y) {
      boolean kind = kind(x).equals(kind(y));
      Set<String> tx = tables.get(x);
      Set<String> ty = tables.get(y);
      if (tx.equals(ty)) {
        return kind ? 3 : tx.isEmpty() ? 0 : 2;
      }
      // The same kind of operator counts only over some of the same tables:
      // scans of two tables are never the same scan.
      return kind && tx.stream().anyMatch(ty::contains) ? 1 : 0;
    }

    /** Pairs the forests {@code xs} and {@code ys} and, within pairs, their inputs. */
    private void align(List<PlanNode> xs, List<PlanNode> ys) {
      int n = xs.size();
      int m = ys.size();
      int[][] best = new int[n + 1][m + 1];
      for (int i = n - 1; i >= 0; i--) {
        for (int j = m - 1; j >= 0; j--) {
          int s = score(xs.get(i), ys.get(j));
          int take = s > 0 ? s + best[i + 1][j + 1] : 0;
          best[i][j] = Math.max(take, Math.max(best[i + 1][j], best[i][j + 1]));
        }
      }
      List<PlanNode> restX = new ArrayList<>();
      List<PlanNode> restY = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < n && j < m) {
        int s = score(xs.get(i), ys.get(j));
        if (s > 0 && best[i][j] == s + best[i + 1][j + 1]) {
          pair(xs.get(i), ys.get(j));
          align(xs.get(i).inputs(), ys.get(j).inputs());
          i++;
          j++;
        } else if (best[i + 1][j] >= best[i][j + 1]) {
          restX.add(xs.get(i++));
        } else {
          restY.add(ys.get(j++));
        }
      }
      restX.addAll(xs.subList(i, n));
      restY.addAll(ys.subList(j, m));
      skipLevels(restX, restY);
    }

    /**
     * Operators one side has and the other has not: the side whose unpaired
     * operators read more tables (or, reading the same, have more operators
     * below) is taken one level down, and the alignment tried again.
     */
    private void skipLevels(List<PlanNode> xs, List<PlanNode> ys) {
      if (xs.isEmpty() || ys.isEmpty()) {
        return;
      }
      int sizeX = xs.stream().mapToInt(this::size).sum();
      int sizeY = ys.stream().mapToInt(this::size).sum();
      if (sizeX >= sizeY) {
        align(inputsOf(xs), ys);
      } else {
        align(xs, inputsOf(ys));
      }
    }

    private static List<PlanNode> inputsOf(List<PlanNode> nodes) {
      List<PlanNode> out = new ArrayList<>();
      nodes.forEach(x -> out.addAll(x.inputs()));
      return out;
    }

    private int size(PlanNode n) {
      int s = 1;
      for (PlanNode i : n.inputs()) {
        s += size(i);
      }
      return s;
    }

    private void pair(PlanNode x, PlanNode y) {
      if (!aToB.containsKey(x) && !bToA.containsKey(y)) {
        aToB.put(x, y);
        bToA.put(y, x);
      }
    }

    /** Unpaired operators of the same kind over the same tables, wherever they are. */
    private void pairLeftovers() {
      List<PlanNode> free = new ArrayList<>(b.nodes());
      free.removeIf(bToA::containsKey);
      for (PlanNode x : a.nodes()) {
        if (aToB.containsKey(x)) {
          continue;
        }
        for (PlanNode y : free) {
          if (!bToA.containsKey(y) && kind(x).equals(kind(y))
              && tables.get(x).equals(tables.get(y))) {
            pair(x, y);
            break;
          }
        }
      }
    }
  }
}
