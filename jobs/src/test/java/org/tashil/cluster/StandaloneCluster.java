package org.tashil.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on this machine: one Master and one Worker, each its own {@code java}
 * process on 127.0.0.1 with Spark's jars only, and {@code spark-submit} (SparkSubmit, client deploy
 * mode) to run an application on it. Every process it starts is stopped by {@link #close}, with the
 * executors the Worker started.
 */
final class StandaloneCluster implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration SUBMISSION = Duration.ofMinutes(15);

  private final SparkHome sparkHome;
  private final Path logs;
  private final List<String> jvmOptions;
  private final List<Process> processes = new ArrayList<>();
  private String masterUrl;

  private StandaloneCluster(SparkHome sparkHome, Path logs, List<String> jvmOptions) {
    this.sparkHome = sparkHome;
    this.logs = logs;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * Starts a Master and a Worker with {@code cores} cores, and waits until the Worker has
   * registered.
   *
   * @param jvmOptions the JVM flags Spark needs on Java 17 (jvm.options), for every process
   */
  static StandaloneCluster start(SparkHome sparkHome, Path logs, List<String> jvmOptions, int cores)
      throws IOException {
    Files.createDirectories(logs);
    StandaloneCluster cluster = new StandaloneCluster(sparkHome, logs, jvmOptions);
    try {
      int masterPort = freePort();
      cluster.masterUrl = "spark://" + HOST + ":" + masterPort;
      Process master =
          cluster.launch(
              "master",
              "256m",
              List.of(
                  "org.apache.spark.deploy.master.Master",
                  "--host",
                  HOST,
                  "--port",
                  String.valueOf(masterPort),
                  "--webui-port",
                  String.valueOf(freePort())));
      cluster.await(master, "master", "I have been elected leader");
      Process worker =
          cluster.launch(
              "worker",
              "256m",
              List.of(
                  "org.apache.spark.deploy.worker.Worker",
                  "--host",
                  HOST,
                  "--port",
                  String.valueOf(freePort()),
                  "--webui-port",
                  String.valueOf(freePort()),
                  "--cores",
                  String.valueOf(cores),
                  "--memory",
                  "2g",
                  "--work-dir",
                  logs.resolve("worker").toString(),
                  cluster.masterUrl));
      cluster.await(worker, "worker", "Successfully registered with master");
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  /** The Worker's folder: one {@code app-*} folder per application, with its executors' logs. */
  Path workerFolder() {
    return logs.resolve("worker");
  }

  /** What a submission printed and returned. */
  record Submission(String name, int exitCode, String out, String err) {

    /** The end of Spark's log, for a failure message. */
    String errTail() {
      return tail(err);
    }
  }

  /**
   * {@code spark-submit --master <this cluster> --class <mainClass> <jar> <arguments>} in client
   * deploy mode, waiting for it to end.
   *
   * @param conf Spark settings, {@code key=value}, each passed as {@code --conf}
   */
  Submission submit(
      String name, Path jar, String mainClass, List<String> conf, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("org.apache.spark.deploy.SparkSubmit");
    command.addAll(List.of("--master", masterUrl, "--deploy-mode", "client"));
    command.addAll(List.of("--class", mainClass));
    // Executors are started by the Worker: they need the Java 17 flags too.
    command.addAll(
        List.of("--conf", "spark.executor.extraJavaOptions=" + String.join(" ", jvmOptions)));
    for (String setting : conf) {
      command.addAll(List.of("--conf", setting));
    }
    command.add(jar.toString());
    command.addAll(arguments);
    Process process = launch(name, "1g", command);
    try {
      if (!process.waitFor(SUBMISSION.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            name + " did not end within " + SUBMISSION + ": " + tail(log(name, "err")));
      }
      return new Submission(
          name,
          process.exitValue(),
          Files.readString(log(name, "out")),
          Files.readString(log(name, "err")));
    } finally {
      stop(process);
    }
  }

  /** Stops every process this cluster started, newest first, with their children (executors). */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      stop(processes.get(i));
    }
    processes.clear();
  }

  private Process launch(String name, String heap, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Xmx" + heap);
    command.addAll(List.of("-cp", sparkHome.classpath()));
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(log(name, "out").toFile())
            .redirectError(log(name, "err").toFile());
    Map<String, String> environment = builder.environment();
    // Without SPARK_HOME and SPARK_SCALA_VERSION every executor dies with "Cannot find any build
    // directories": the Worker builds the executors' classpath from <home>/jars.
    environment.put("SPARK_HOME", sparkHome.home().toString());
    environment.put("SPARK_SCALA_VERSION", "2.13");
    environment.put("SPARK_LOCAL_IP", HOST);
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** Waits until the process's log has the line that says it is ready. */
  private void await(Process process, String name, String ready) throws IOException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    Path log = log(name, "err");
    while (!Files.readString(log, StandardCharsets.UTF_8).contains(ready)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " stopped with exit code " + process.exitValue() + ": " + tail(log));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " not ready within " + STARTUP + ": " + tail(log));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + name, e);
      }
    }
  }

  /**
   * Stops a process this test started, and whatever it started: politely, then by force after 15
   * seconds.
   */
  static void stop(Process process) {
    List<ProcessHandle> children = process.toHandle().descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }

  private Path log(String name, String stream) {
    return logs.resolve(name + "." + stream);
  }

  private static String tail(Path log) {
    try {
      return tail(Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }

  /** A port of 127.0.0.1 no process listens on now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }
}
