package org.tashil.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which tables the warehouse holds: each folder of a layer that holds a Delta log, and {@code
 * submissions}. Writers repair them all and {@code maintain} maintains them all, committed or not;
 * {@code query} registers those readers see, each under its view name.
 */
final class Discovery {

  /** The layers whose tables {@code query} registers as {@code <layer>_<table>} views. */
  static final List<String> LAYERS = List.of("clean", "quarantine", "state", "marts");

  private final Configuration hadoop;
  private final String root;

  Discovery(Configuration hadoop, String root) {
    this.hadoop = hadoop;
    this.root = root;
  }

  /**
   * The warehouse's tables, as paths under its root ({@code clean/households}), committed or not,
   * sorted.
   */
  List<String> tables() {
    List<String> tables = new ArrayList<>();
    try {
      FileSystem fs = new Path(root).getFileSystem(hadoop);
      for (String layer : LAYERS) {
        Path layerFolder = new Path(root, layer);
        if (!fs.isDirectory(layerFolder)) {
          continue;
        }
        for (FileStatus status : fs.listStatus(layerFolder)) {
          if (status.isDirectory() && fs.isDirectory(new Path(status.getPath(), "_delta_log"))) {
            tables.add(layer + "/" + status.getPath().getName());
          }
        }
      }
      if (fs.isDirectory(new Path(root, "submissions/_delta_log"))) {
        tables.add("submissions");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list the tables of the warehouse " + root, e);
    }
    tables.sort(null);
    return tables;
  }

  /**
   * The tables that {@code seen} says readers see, each with its view name first: {@code
   * clean_households}, {@code quarantine_demands}, {@code marts_settlement_month}, {@code
   * submissions} ({@code runs} is JSON, see RunStore). Sorted by view name.
   */
  List<String[]> views(Predicate<String> seen) {
    List<String[]> views = new ArrayList<>();
    for (String table : tables()) {
      if (seen.test(table)) {
        views.add(new String[] {table.replace('/', '_'), table});
      }
    }
    views.sort(Comparator.comparing(entry -> entry[0]));
    return views;
  }
}
