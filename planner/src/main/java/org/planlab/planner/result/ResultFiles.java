package org.planlab.planner.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and writes {@link SuiteResult} JSON files. */
public final class ResultFiles {
  private ResultFiles() {
  }

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  /** The mapper, configured for result files. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes {@code result} to {@code file} atomically. */
  public static void write(Path file, SuiteResult result) throws IOException {
    AtomicFiles.write(file, w -> {
      MAPPER.writeValue(w, result);
      w.write('\n');
    });
  }

  public static String toJson(SuiteResult result) {
    try {
      return MAPPER.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a result file.
   *
   * @throws ResultFileException naming the file, and the line and column
   *     where it is malformed, if it cannot be read
   */
  public static SuiteResult read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ResultFileException(file + ": no such file", e);
    } catch (IOException e) {
      throw new ResultFileException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /** Parses result JSON; {@code name} appears in error messages. */
  public static SuiteResult parse(String name, String json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || !tree.isObject()) {
        throw new ResultFileException(name + ": not a planlab result file (expected a JSON object)");
      }
      JsonNode format = tree.get("format");
      if (format == null || !SuiteResult.READABLE.contains(format.asText())) {
        throw new ResultFileException(name + ": not a " + String.join(" or ",
            SuiteResult.READABLE) + " file (format is "
            + (format == null ? "missing" : "'" + format.asText() + "'") + ")");
      }
      return MAPPER.treeToValue(tree, SuiteResult.class);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null || loc.getLineNr() < 0 ? ""
          : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new ResultFileException(name + where + ": " + JsonMessages.clean(e.getOriginalMessage()),
          e);
    }
  }
}
