package org.tashil.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TestParallel {

  @Test
  void valuesComeInTheOrderOfTheTasksWhicheverEndsFirst() {
    CountDownLatch secondDone = new CountDownLatch(1);
    List<Supplier<String>> tasks =
        List.of(
            () -> {
              await(secondDone);
              return "first";
            },
            () -> {
              secondDone.countDown();
              return "second";
            });
    assertThat(Parallel.all(tasks)).containsExactly("first", "second");
    assertThat(Parallel.each(List.of(3, 1, 2), n -> "x".repeat(n)))
        .containsExactly(Map.entry(3, "xxx"), Map.entry(1, "x"), Map.entry(2, "xx"));
  }

  @Test
  void theFirstFailureIsThrownAsItWasOnceEveryTaskHasEnded() {
    ConcurrentLinkedQueue<String> ended = new ConcurrentLinkedQueue<>();
    IllegalStateException thrown = new IllegalStateException("the commit failed");
    List<Runnable> tasks = new ArrayList<>();
    tasks.add(
        () -> {
          throw thrown;
        });
    for (int i = 0; i < 5; i++) {
      int n = i;
      tasks.add(
          () -> {
            sleep(50);
            ended.add("task " + n);
          });
    }
    assertThatThrownBy(() -> Parallel.run(tasks)).isSameAs(thrown);
    assertThat(ended).hasSize(5);
  }

  @Test
  void anErrorIsThrownAsAnError() {
    List<Runnable> tasks =
        List.of(
            () -> {
              throw new OutOfMemoryError("planted");
            });
    assertThatThrownBy(() -> Parallel.run(tasks))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("planted");
  }

  @Test
  void tasksSeeTheCallersInheritableThreadLocals() {
    InheritableThreadLocal<String> group = new InheritableThreadLocal<>();
    group.set("aggregate 1405-08");
    try {
      assertThat(Parallel.all(List.<Supplier<String>>of(group::get, group::get)))
          .containsExactly("aggregate 1405-08", "aggregate 1405-08");
    } finally {
      group.remove();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
