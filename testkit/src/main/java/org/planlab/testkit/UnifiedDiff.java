package org.planlab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A unified diff of two lists of lines, as {@code diff -u} prints it, with
 * three lines of context. Which lines count as the same is given, so that an
 * expected line with patterns pairs with the actual line it matches.
 */
public final class UnifiedDiff {
  private UnifiedDiff() {
  }

  private static final int CONTEXT = 3;

  /** The diff from {@code expected} to {@code actual}, or "" if every line pairs. */
  public static String of(String expectedName, List<String> expected, String actualName,
      List<String> actual, BiPredicate<String, String> same) {
    List<char[]> ops = script(expected, actual, same);
    if (ops.stream().allMatch(op -> op[0] == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(expectedName).append('\n');
    out.append("+++ ").append(actualName).append('\n');
    // Line numbers before each entry of the script, on either side.
    int n = ops.size();
    int[] lineE = new int[n + 1];
    int[] lineA = new int[n + 1];
    for (int k = 0; k < n; k++) {
      lineE[k + 1] = lineE[k] + (ops.get(k)[0] != '+' ? 1 : 0);
      lineA[k + 1] = lineA[k] + (ops.get(k)[0] != '-' ? 1 : 0);
    }
    // Changes closer than twice the context share a hunk.
    int k = 0;
    while (k < n) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int last = k;
      for (int m = k + 1; m < n && m <= last + 2 * CONTEXT; m++) {
        if (ops.get(m)[0] != ' ') {
          last = m;
        }
      }
      int from = Math.max(0, k - CONTEXT);
      int to = Math.min(n, last + CONTEXT + 1);
      out.append("@@ -").append(lineE[from] + 1).append(',').append(lineE[to] - lineE[from])
          .append(" +").append(lineA[from] + 1).append(',').append(lineA[to] - lineA[from])
          .append(" @@\n");
      for (int m = from; m < to; m++) {
        out.append(ops.get(m)).append('\n');
      }
      k = to;
    }
    return out.toString();
  }

  /** The edit script: each entry a line prefixed with ' ', '-' or '+'. */
  private static List<char[]> script(List<String> a, List<String> b,
      BiPredicate<String, String> same) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = same.test(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<char[]> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && same.test(a.get(i), b.get(j))) {
        ops.add((" " + b.get(j)).toCharArray());
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // Removals before additions, as diff -u prints a changed line.
        ops.add(("-" + a.get(i)).toCharArray());
        i++;
      } else {
        ops.add(("+" + b.get(j)).toCharArray());
        j++;
      }
    }
    return ops;
  }
}
