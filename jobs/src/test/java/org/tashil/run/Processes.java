package org.tashil.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code tashil} as a separate {@code java} process, as cron starts it: the test JVM's classpath,
 * the repository's {@code jvm.options}, stdout and stderr in one stream read line by line.
 */
final class Processes {

  static final Path JVM_OPTIONS = Path.of("../jvm.options").toAbsolutePath().normalize();

  /** A running {@code tashil}, its output collected as it comes. */
  static final class Tashil {
    final Process process;
    private final List<String> lines = new ArrayList<>();

    Tashil(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                      lines.add(line);
                      lines.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // the process was killed
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits until a line matches; fails when the process ends first or the time runs out. */
    String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      synchronized (lines) {
        int seen = 0;
        while (System.nanoTime() < deadline) {
          for (; seen < lines.size(); seen++) {
            if (matches.test(lines.get(seen))) {
              return lines.get(seen);
            }
          }
          if (!process.isAlive() && seen == lines.size()) {
            break;
          }
          lines.wait(200);
        }
      }
      throw new AssertionError("no such line; the process printed:\n" + output());
    }

    int waitFor(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("still running after " + timeout + ":\n" + output());
      }
      // let the reader take the last lines
      Thread.sleep(100);
      return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    String output() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }
  }

  private Processes() {}

  static Tashil start(List<String> jvmOptions, String... args) throws IOException {
    return java(jvmOptions, "org.tashil.cli.Tashil", args);
  }

  /** A class of the tests' classpath run as a program, as {@link #start} runs {@code tashil}. */
  static Tashil java(List<String> jvmOptions, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + JVM_OPTIONS);
    command.add("-Xmx1g");
    command.addAll(org.tashil.Fixtures.LAUNCHER_JVM);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("TASHIL_CONFIG");
    return new Tashil(builder.start());
  }
}
