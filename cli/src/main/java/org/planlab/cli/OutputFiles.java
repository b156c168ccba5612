package org.planlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that an output file can be written before work starts. */
final class OutputFiles {
  private OutputFiles() {
  }

  /** The current UTC time for default file names, e.g. {@code 20261125-151500}. */
  static String timestamp() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT)
        .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
  }

  /** Creates the file's folder if needed; a usage error if it cannot be written. */
  static void checkWritable(Path file) {
    Path abs = file.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new UserError("--out " + file + ": is a folder");
    }
    Path dir = abs.getParent();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".planlab-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new UserError("--out " + file + ": cannot write there (" + reason(e) + ")");
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName().replace("Exception", "")
        + (m == null ? "" : ": " + m);
  }
}
