package org.tashil.run;

import java.util.Objects;
import java.util.Optional;

/**
 * A lock or claim file of a {@link SharedLock} as it was read: its line, the holder the line names
 * (none when it is empty or half written), its modification time and its holder's last heartbeat.
 */
record LockFile(String line, Optional<LockHolder> holder, long modified, long heartbeat) {

  LockFile {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(holder, "holder");
  }

  /**
   * What claims on this lock are named by: its token, else (a lock of an earlier Tashil, or one
   * whose holder died before writing it) its modification time.
   */
  String key() {
    return holder.filter(LockHolder::hasToken).map(LockHolder::token).orElse("unnamed-" + modified);
  }

  /** Its holder and the age of its last heartbeat, for messages. */
  String describe() {
    long seconds = Math.max(0, (System.currentTimeMillis() - heartbeat) / 1000);
    return (line.isBlank() ? "an unnamed holder" : line) + ", last heartbeat " + seconds + " s ago";
  }
}
