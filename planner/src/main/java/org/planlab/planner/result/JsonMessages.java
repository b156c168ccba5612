package org.planlab.planner.result;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Jackson's parse errors in words for people: the first line only, without
 * the parser's internals ("[Source: REDACTED ...]"), and "the file is empty"
 * or "the file ends too early" where Jackson speaks of end-of-input.
 */
public final class JsonMessages {
  private JsonMessages() {
  }

  private static final Pattern START_MARKER = Pattern.compile(
      "\\s*\\(start marker at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)");

  public static String clean(@Nullable String message) {
    if (message == null) {
      return "malformed";
    }
    String m = message;
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    if (m.startsWith("No content to map due to end-of-input")) {
      return "the file is empty";
    }
    Matcher marker = START_MARKER.matcher(m);
    m = marker.replaceAll(" (opened at line $1, column $2)");
    if (m.startsWith("Unexpected end-of-input")) {
      m = "the file ends too early: " + m.substring("Unexpected end-of-input".length())
          .replaceFirst("^:\\s*", "");
    }
    return m.strip();
  }
}
