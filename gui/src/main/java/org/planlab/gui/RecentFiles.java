package org.planlab.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The result files opened last, newest first, remembered between runs. */
public interface RecentFiles {

  /** At most this many are kept. */
  int LIMIT = 8;

  List<Path> list();

  void add(Path file);

  /** Kept in the user's Java preferences. */
  static RecentFiles inPreferences() {
    Preferences prefs = Preferences.userNodeForPackage(RecentFiles.class);
    return new RecentFiles() {
      @Override
      public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs.get("recent", "").split("\n")) {
          if (!s.isBlank()) {
            out.add(Path.of(s));
          }
        }
        return out;
      }

      @Override
      public void add(Path file) {
        List<Path> l = new ArrayList<>(list());
        Path abs = file.toAbsolutePath().normalize();
        l.remove(abs);
        l.add(0, abs);
        prefs.put("recent", String.join("\n", l.subList(0, Math.min(LIMIT, l.size())).stream()
            .map(Path::toString).toList()));
      }
    };
  }

  /** Kept in memory only, for tests. */
  static RecentFiles inMemory() {
    List<Path> l = new ArrayList<>();
    return new RecentFiles() {
      @Override
      public List<Path> list() {
        return List.copyOf(l);
      }

      @Override
      public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        l.remove(abs);
        l.add(0, abs);
        while (l.size() > LIMIT) {
          l.remove(l.size() - 1);
        }
      }
    };
  }
}
