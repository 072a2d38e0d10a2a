package org.tashil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code tashil} at the project's top) refuses a setting of its own it does not know
 * as a usage or configuration error (exit 2) naming it, before it builds or starts a JVM. It runs
 * here from a copy in an empty folder, so that a launcher that went past its check would find no
 * project to build and end at once, not build this one beside the tests.
 */
class TestLauncher {

  @TempDir Path folder;
  private Path launcher;

  @BeforeEach
  void copyTheLauncher() throws IOException {
    launcher = Files.copy(Path.of("../tashil"), folder.resolve("tashil"));
  }

  @Test
  void aJitOtherThanQuickOrFullIsRefused() throws Exception {
    for (String jit : List.of("fast", "FULL", "quick full", "-XX:+UseG1GC", "full;exit 0")) {
      Launched launched = launch(jit);
      assertThat(launched.exitCode()).as(launched.err()).isEqualTo(Tashil.USAGE);
      assertThat(launched.err()).contains("TASHIL_JIT is '" + jit + "'").contains("quick or full");
      assertThat(launched.out()).as(jit).isEmpty();
    }
  }

  @Test
  void quickFullAndNoneGoOnToTheBuild() throws Exception {
    for (String jit : List.of("quick", "full", "")) {
      Launched launched = launch(jit);
      assertThat(launched.err()).as(jit).doesNotContain("TASHIL_JIT").contains("building");
      assertThat(launched.exitCode()).as(launched.err()).isNotEqualTo(Tashil.USAGE);
    }
  }

  private record Launched(int exitCode, String out, String err) {}

  private Launched launch(String jit) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "--version");
    builder.environment().put("TASHIL_JIT", jit);
    builder.environment().remove("TASHIL_JAVA_OPTS");
    builder.redirectOutput(folder.resolve("out.txt").toFile());
    builder.redirectError(folder.resolve("err.txt").toFile());
    Process process = builder.start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    return new Launched(
        process.exitValue(),
        Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8));
  }
}
