package org.tashil.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The outcomes of a slice of files in one Spark task, file after file, each file's read as they are
 * asked for, so that no file is held whole. A check left before its end (a failed task) is closed
 * with the task.
 */
final class SliceOutcomes implements Iterator<FileOutcome> {
  private final Iterator<InboxFile> files;
  private final Function<InboxFile, FileChecker.Check> check;
  private FileChecker.Check current;

  SliceOutcomes(Iterator<InboxFile> files, Function<InboxFile, FileChecker.Check> check) {
    this.files = files;
    this.check = check;
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(
          (TaskCompletionListener)
              context -> {
                if (current != null) {
                  current.close();
                }
              });
    }
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      if (current != null) {
        current.close();
        current = null;
      }
      if (!files.hasNext()) {
        return false;
      }
      current = check.apply(files.next());
    }
    return true;
  }

  @Override
  public FileOutcome next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
