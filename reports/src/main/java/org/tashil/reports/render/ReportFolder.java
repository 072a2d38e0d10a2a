package org.tashil.reports.render;

/**
 * Where a period's reports are written: a folder, on this machine ({@link LocalReportFolder}) or
 * elsewhere, whose files appear whole or not at all. Names inside it are relative, with {@code /}
 * between folders ({@code 1405-08/settlements/AHV-001.pdf}).
 */
public interface ReportFolder {

  /**
   * Makes sure the folder exists, and removes the half-written files a render that was killed left
   * in it (never a finished file).
   */
  void prepare(String folder);

  /**
   * Writes the file, replacing an earlier one: a reader finds the earlier file or this one, never
   * half of either.
   */
  void write(String file, byte[] bytes);

  /** The file or folder as a user names it: a path of this machine, or a URI. */
  String location(String name);

  /**
   * The name a write of {@code name} may use until the file is whole: {@code .<name>.<random>.part}
   * beside it.
   */
  static String unfinished(String name) {
    return "." + name + "." + java.util.UUID.randomUUID() + ".part";
  }

  /** Whether a file's name is one of a write not finished ({@link #unfinished}). */
  static boolean isUnfinished(String name) {
    return name.startsWith(".") && name.endsWith(".part");
  }
}
