package org.tashil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher ({@code tashil} at the project's top) refuses a setting of its own it does not know
 * as a usage or configuration error (exit 2) naming it, before it builds or starts a JVM.
 */
class TestLauncher {

  private static final Path LAUNCHER = Path.of("../tashil");

  @Test
  void aJitOtherThanQuickOrFullIsRefused() throws Exception {
    for (String jit : List.of("fast", "FULL", "quick full", "-XX:+UseG1GC", "full;exit 0")) {
      Process process = launch(jit);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(jit).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(err).isEqualTo(Tashil.USAGE);
      assertThat(err).contains("TASHIL_JIT is '" + jit + "'").contains("quick or full");
      assertThat(process.getInputStream().readAllBytes()).as(jit).isEmpty();
    }
  }

  private static Process launch(String jit) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("bash", LAUNCHER.toString(), "--version");
    builder.environment().put("TASHIL_JIT", jit);
    return builder.start();
  }
}
