package org.planlab.testkit.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.result.AtomicFiles;

/**
 * A saved fuzzing failure, ready to be a regression case: the query (shrunk),
 * the combinations it is checked under, its partitioning predicate, and where
 * it came from. As a file it is SQL with a header of {@code -- key: value}
 * comments, so it can be read, run with {@code planlab explain} as it is,
 * rechecked with {@code planlab fuzz --replay FILE}, and dropped into
 * {@code testkit/src/test/resources/fuzz-regressions/}, where
 * {@code FuzzRegressionTest} rechecks every case in {@code mvn verify}.
 *
 * @param suite the workload whose tables it reads
 * @param sql the query
 * @param tlpPredicate its partitioning predicate, or null
 * @param combos the combinations it is checked under
 * @param seed the seed its query was generated from
 * @param found what failed when it was saved (a note; rechecking decides)
 */
public record FuzzCase(String suite, String sql, @Nullable String tlpPredicate,
    List<Oracle.Combo> combos, long seed, String found) {

  public FuzzCase {
    combos = List.copyOf(combos);
    if (combos.isEmpty()) {
      throw new IllegalArgumentException("a fuzz case needs at least one combination");
    }
  }

  /** The case as file text. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("-- planlab fuzz case\n");
    sb.append("-- suite: ").append(suite).append('\n');
    sb.append("-- seed: ").append(seed).append('\n');
    sb.append("-- combos: ").append(String.join(", ",
        combos.stream().map(Oracle.Combo::label).toList())).append('\n');
    if (tlpPredicate != null) {
      sb.append("-- tlp: ").append(tlpPredicate).append('\n');
    }
    for (String line : found.split("\n")) {
      sb.append("-- found: ").append(line).append('\n');
    }
    sb.append(sql).append('\n');
    return sb.toString();
  }

  /** Writes the case to {@code file}, atomically. */
  public void write(Path file) throws IOException {
    String t = text();
    AtomicFiles.write(file, w -> w.write(t));
  }

  /**
   * Reads a case file.
   *
   * @throws IllegalArgumentException naming the file and line if it is not one
   */
  public static FuzzCase read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String suite = null;
    String tlp = null;
    List<Oracle.Combo> combos = new ArrayList<>();
    long seed = 0;
    List<String> found = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String where = file + ":" + (i + 1) + ": ";
      if (line.startsWith("-- ") && sql.length() == 0) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue; // a comment line, such as the first
        }
        String key = line.substring(3, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim();
        try {
          switch (key) {
            case "suite" -> suite = value;
            case "tlp" -> tlp = value;
            case "seed" -> seed = Long.parseLong(value.split("\\s+")[0]);
            case "found" -> found.add(value);
            case "combos" -> {
              for (String c : value.split(",")) {
                combos.add(Oracle.Combo.parse(c));
              }
            }
            default -> {
            }
          }
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + "bad " + key + ": " + e.getMessage());
        }
      } else if (!line.isBlank() || sql.length() > 0) {
        sql.append(line).append('\n');
      }
    }
    if (suite == null) {
      throw new IllegalArgumentException(file + ": not a fuzz case (no '-- suite:' line)");
    }
    if (combos.isEmpty()) {
      throw new IllegalArgumentException(file + ": not a fuzz case (no '-- combos:' line)");
    }
    String q = sql.toString().strip();
    if (q.endsWith(";")) {
      q = q.substring(0, q.length() - 1).strip();
    }
    if (q.isEmpty()) {
      throw new IllegalArgumentException(file + ": the case has no query after its header");
    }
    return new FuzzCase(suite, q, tlp, combos, seed, String.join("\n", found));
  }
}
