package org.tashil.reference;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ids of one column of one registry file, as they are read: each must be {@link Registry#ID}
 * and differ from every earlier one ignoring case. Another file's references to them are checked
 * against them and take their spelling.
 */
final class RegistryIds {

  private static final String IGNORING_CASE = " (ids are compared ignoring case)";

  private final String file;
  private final String column;
  private final Map<String, Integer> lines = new HashMap<>();
  private final Map<String, String> spellings = new HashMap<>();

  RegistryIds(String file, String column) {
    this.file = file;
    this.column = column;
  }

  /** Where a row is, for messages: the file and line, or the file alone for line 0. */
  String where(int line) {
    return line > 0 ? file + " line " + line : file;
  }

  /** Adds an id and returns it, or fails naming the file, the line and the id as written. */
  String add(String written, String id, int line) {
    check(where(line), column, written, id);
    String key = key(id);
    String earlier = spellings.get(key);
    if (earlier != null) {
      int earlierLine = lines.get(key);
      throw wrongId(
          where(line),
          column,
          written,
          "is the same as '"
              + earlier
              + "'"
              + (earlierLine > 0 ? " on line " + earlierLine : "")
              + IGNORING_CASE);
    }
    spellings.put(key, id);
    lines.put(key, line);
    return id;
  }

  /**
   * An id another file refers to, in this column's spelling; fails at {@code where} when it is not
   * an id or not one of these.
   */
  String reference(String where, String column, String written, String id, String what) {
    check(where, column, written, id);
    String spelling = spellings.get(key(id));
    if (spelling == null) {
      throw wrongId(where, column, written, "is not in " + what + IGNORING_CASE);
    }
    return spelling;
  }

  /** How ids are compared: folded with {@link Locale#ROOT}. */
  static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static void check(String where, String column, String written, String id) {
    if (!Registry.isId(id)) {
      throw wrongId(where, column, written, "is not an id: 1 to 64 letters, digits, '-' or '_'");
    }
  }

  /** The failure of an id: where it is, its column, the id as written, then what is wrong. */
  private static RegistryException wrongId(
      String where, String column, String written, String problem) {
    return new RegistryException(where + ": " + column + " '" + written + "' " + problem);
  }
}
