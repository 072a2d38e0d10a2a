package org.tashil.run;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A run's progress on stderr (contract §7): on a terminal one live line (a bar, the stage, the
 * step, the seconds), redrawn in place; otherwise, as in cron's mail or a log file, one plain line
 * per event.
 */
public abstract class Progress {

  /** Nothing reported: the jobs' default when no run watches them. */
  public static final Progress NONE =
      new Progress() {
        @Override
        protected void event(String text, boolean stageStart) {}
      };

  private int stepsDone;
  private int stepsExpected = 1;
  private String stage = "";

  /** A live bar on a terminal, plain lines otherwise. */
  public static Progress toStderr(boolean live) {
    return live ? new LiveBar(System.err) : new Lines(System.err);
  }

  /** Whether stderr looks like a terminal a person watches. */
  public static boolean stderrIsTerminal() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  /** How many steps the whole run has, for the bar. */
  public synchronized void expect(int steps) {
    stepsExpected = Math.max(1, steps);
  }

  public synchronized void stage(String name) {
    stage = name;
    event(name, true);
  }

  /** One step of the current stage, e.g. "writing clean/households". */
  public synchronized void step(String text) {
    stepsDone++;
    event(text, false);
  }

  /** The end of the run: a live bar leaves its line. */
  public void finish() {}

  protected abstract void event(String text, boolean stageStart);

  synchronized String stageName() {
    return stage;
  }

  synchronized double fraction() {
    return Math.min(1.0, stepsDone / (double) stepsExpected);
  }

  /** One timestamped line per event. */
  static final class Lines extends Progress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream err;

    Lines(PrintStream err) {
      this.err = err;
    }

    @Override
    protected void event(String text, boolean stageStart) {
      String line =
          LocalTime.now().format(TIME) + " " + (stageStart ? text : stageName() + ": " + text);
      err.println(line);
      err.flush();
    }
  }

  /** One line, redrawn four times a second. */
  static final class LiveBar extends Progress {
    private static final int WIDTH = 24;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private volatile String step = "";
    private final Thread painter;

    LiveBar(PrintStream err) {
      this.err = err;
      painter =
          new Thread(
              () -> {
                try {
                  while (!Thread.currentThread().isInterrupted()) {
                    paint();
                    Thread.sleep(250);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "tashil-progress");
      painter.setDaemon(true);
      painter.start();
    }

    @Override
    protected void event(String text, boolean stageStart) {
      step = stageStart ? "" : text;
      paint();
    }

    private synchronized void paint() {
      int filled = (int) Math.round(fraction() * WIDTH);
      String line =
          String.format(
              Locale.ROOT,
              "[%s%s] %3.0f s  %s%s",
              "#".repeat(filled),
              ".".repeat(WIDTH - filled),
              (System.nanoTime() - started) / 1e9,
              stageName(),
              step.isEmpty() ? "" : ": " + step);
      int columns = 100;
      if (line.length() > columns) {
        line = line.substring(0, columns - 1) + "…";
      }
      err.print("\r\033[K" + line);
      err.flush();
    }

    @Override
    public void finish() {
      painter.interrupt();
      paint();
      err.println();
      err.flush();
    }
  }
}
