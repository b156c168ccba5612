package org.planlab.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.planlab.planner.workload.WorkloadQuery;

/** A researcher's own queries, from files. */
final class QueryFiles {
  private QueryFiles() {
  }

  /** One query from a file; its id is the file name without {@code .sql}. */
  static WorkloadQuery read(Path file) {
    try {
      String name = file.getFileName().toString();
      String id = name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
      return new WorkloadQuery(id, file.toString(), Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file");
    } catch (MalformedInputException e) {
      throw new UserError(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
  }

  /** Every {@code .sql} file directly in {@code dir}, in name order. */
  static List<WorkloadQuery> readFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": not a folder");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
          .sorted(Comparator.comparing(p -> naturalKey(p.getFileName().toString())))
          .toList();
    } catch (IOException e) {
      throw new UserError(dir + ": cannot list: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new UserError(dir + ": no .sql files");
    }
    return files.stream().map(QueryFiles::read).toList();
  }

  /** Sorts {@code q2.sql} before {@code q10.sql}. */
  private static String naturalKey(String name) {
    StringBuilder sb = new StringBuilder();
    StringBuilder digits = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isDigit(c)) {
        digits.append(c);
      } else {
        flush(digits, sb);
        sb.append(c);
      }
    }
    flush(digits, sb);
    return sb.toString();
  }

  private static void flush(StringBuilder digits, StringBuilder sb) {
    if (digits.length() > 0) {
      sb.append("0".repeat(Math.max(0, 12 - digits.length()))).append(digits);
      digits.setLength(0);
    }
  }
}
