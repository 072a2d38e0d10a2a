package org.tashil.run;

import java.nio.file.Files;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A process that takes a warehouse's lock on {@link SharedFileSystem} at a signal, as a run of
 * another JVM would: {@code LockContender <warehouse> <go-file> <hold-millis>}. It prints {@code
 * ready} once loaded, waits until the go file exists, then prints {@code acquired} or the {@link
 * WarehouseLock.HeldException}'s message, holds the lock for a while and releases it.
 */
final class LockContender {

  private LockContender() {}

  public static void main(String[] args) throws Exception {
    String warehouse = args[0];
    java.nio.file.Path go = java.nio.file.Path.of(args[1]);
    long holdMillis = Long.parseLong(args[2]);
    Configuration hadoop = SharedFileSystem.configuration();
    new Path(warehouse).getFileSystem(hadoop).exists(new Path(warehouse));
    System.out.println("ready");
    System.out.flush();
    while (!Files.exists(go)) {
      Thread.sleep(1);
    }
    try (WarehouseLock lock =
        WarehouseLock.acquire(warehouse, "run 1405-08", hadoop, Duration.ofMinutes(10))) {
      System.out.println("acquired " + lock.takenOver().orElse(""));
      System.out.flush();
      Thread.sleep(holdMillis);
    } catch (WarehouseLock.HeldException e) {
      System.out.println(e.getMessage());
    }
    System.out.println("done");
  }
}
