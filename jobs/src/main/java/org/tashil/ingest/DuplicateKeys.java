package org.tashil.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of a file that appear on more than one line, found in a first pass over the file so that
 * the second pass can quarantine every copy (contract §2.4) while it streams the rows out.
 *
 * <p>A key is held as 128 bits of its SHA-256 and its line: 20 bytes a row, whatever the key's
 * length, so that a file of millions of rows needs tens of megabytes, not a map of its keys. Two
 * different keys share 128 bits of SHA-256 with a probability no file will ever meet, and no office
 * can make them do so on purpose.
 */
final class DuplicateKeys {

  private long[] high = new long[1024];
  private long[] low = new long[1024];
  private int[] lines = new int[1024];
  private int size;
  private Map<Hash, int[]> repeated;
  private final MessageDigest digest = FileScan.sha256Digest();

  private record Hash(long high, long low) {}

  /** Notes a row's key (its normalised text) in the first pass. */
  void add(String key, int line) {
    if (size == lines.length) {
      int capacity = size + (size >> 1);
      high = Arrays.copyOf(high, capacity);
      low = Arrays.copyOf(low, capacity);
      lines = Arrays.copyOf(lines, capacity);
    }
    Hash hash = hash(key);
    high[size] = hash.high();
    low[size] = hash.low();
    lines[size] = line;
    size++;
  }

  /** The lines that hold this key, when there are two or more; asked in the second pass. */
  Optional<int[]> linesOf(String key) {
    if (repeated == null) {
      repeated = findRepeated();
    }
    return repeated.isEmpty() ? Optional.empty() : Optional.ofNullable(repeated.get(hash(key)));
  }

  private Map<Hash, int[]> findRepeated() {
    long[] sorted = Arrays.copyOf(high, size);
    Arrays.sort(sorted);
    Set<Long> sharedHigh = new HashSet<>();
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        sharedHigh.add(sorted[i]);
      }
    }
    Map<Hash, List<Integer>> candidates = new HashMap<>();
    for (int i = 0; i < size && !sharedHigh.isEmpty(); i++) {
      if (sharedHigh.contains(high[i])) {
        candidates.computeIfAbsent(new Hash(high[i], low[i]), h -> new ArrayList<>()).add(lines[i]);
      }
    }
    Map<Hash, int[]> found = new HashMap<>();
    candidates.forEach(
        (hash, keyLines) -> {
          if (keyLines.size() > 1) {
            found.put(hash, keyLines.stream().mapToInt(Integer::intValue).toArray());
          }
        });
    return found;
  }

  private Hash hash(String key) {
    byte[] bytes = digest.digest(key.getBytes(StandardCharsets.UTF_8));
    return new Hash(longAt(bytes, 0), longAt(bytes, 8));
  }

  private static long longAt(byte[] bytes, int offset) {
    long value = 0;
    for (int i = offset; i < offset + 8; i++) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }
}
