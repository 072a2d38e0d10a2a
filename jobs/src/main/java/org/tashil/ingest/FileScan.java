package org.tashil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One streamed pass over a file's bytes, before anything is parsed: its SHA-256, its size, and for
 * a CSV file the encoding to decode it with: UTF-16 with a BOM, UTF-8 (with or without BOM) when
 * every byte sequence is valid UTF-8, else Windows-1256 (what Persian Excel writes). Memory is one
 * buffer, whatever the file's size; reading stops past the size limit.
 *
 * @param sha256 the file's checksum in hex, the one way Tashil computes it
 * @param bytes the file's size, up to {@code limit + 1} when it is larger than the limit
 * @param encoding how a CSV file decodes; null when not asked
 * @param binaryAt the position of a NUL byte near the start (a binary file), or -1
 */
record FileScan(String sha256, long bytes, Encoding encoding, long binaryAt) {

  public static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

  /** NUL bytes are looked for this far into a file that is not UTF-16. */
  private static final int BINARY_PROBE = 8192;

  /** How a CSV file's bytes become text: the charset, its name for records, the BOM to skip. */
  record Encoding(String name, Charset charset, int bomLength) {}

  /** Whether the file holds more than {@code limit} bytes. */
  boolean largerThan(long limit) {
    return bytes > limit;
  }

  /** Checksum and size only (a workbook). */
  static FileScan of(InputStream in, long limit) throws IOException {
    return scan(in, limit, false);
  }

  /** Checksum, size and encoding (a CSV file). */
  static FileScan ofText(InputStream in, long limit) throws IOException {
    return scan(in, limit, true);
  }

  private static FileScan scan(InputStream in, long limit, boolean text) throws IOException {
    MessageDigest digest = sha256Digest();
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer pending = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    byte[] start = new byte[3];
    int startLength = 0;
    boolean validUtf8 = true;
    long binaryAt = -1;
    long total = 0;
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
      for (int i = 0; i < n && startLength < start.length; i++) {
        start[startLength++] = buffer[i];
      }
      for (int i = 0; binaryAt < 0 && i < n && total + i < BINARY_PROBE; i++) {
        if (buffer[i] == 0) {
          binaryAt = total + i;
        }
      }
      total += n;
      if (total > limit) {
        break; // the file is too large: it is rejected with its size, never read further
      }
      if (text && validUtf8) {
        validUtf8 = decodes(utf8, pending, chars, buffer, n, false);
      }
    }
    if (text && validUtf8 && total <= limit) {
      validUtf8 = decodes(utf8, pending, chars, buffer, 0, true);
    }
    String sha256 = HexFormat.of().formatHex(digest.digest());
    if (!text) {
      return new FileScan(sha256, total, null, -1);
    }
    Encoding encoding = encoding(start, startLength, validUtf8);
    boolean utf16 = encoding.name().startsWith("UTF-16");
    return new FileScan(sha256, total, encoding, utf16 ? -1 : binaryAt);
  }

  private static Encoding encoding(byte[] start, int length, boolean validUtf8) {
    if (length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
      return new Encoding("UTF-16LE", StandardCharsets.UTF_16LE, 2);
    }
    if (length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
      return new Encoding("UTF-16BE", StandardCharsets.UTF_16BE, 2);
    }
    boolean bom =
        length >= 3
            && (start[0] & 0xFF) == 0xEF
            && (start[1] & 0xFF) == 0xBB
            && (start[2] & 0xFF) == 0xBF;
    if (validUtf8) {
      return new Encoding(bom ? "UTF-8-BOM" : "UTF-8", StandardCharsets.UTF_8, bom ? 3 : 0);
    }
    return new Encoding("windows-1256", WINDOWS_1256, bom ? 3 : 0);
  }

  /** Feeds bytes to a strict decoder; false at the first sequence that is not valid. */
  private static boolean decodes(
      CharsetDecoder decoder,
      ByteBuffer pending,
      CharBuffer chars,
      byte[] bytes,
      int length,
      boolean end) {
    int offset = 0;
    while (true) {
      int room = Math.min(pending.remaining(), length - offset);
      pending.put(bytes, offset, room);
      offset += room;
      pending.flip();
      var result = decoder.decode(pending, chars, end && offset == length);
      chars.clear();
      if (result.isError()) {
        return false;
      }
      pending.compact();
      if (offset == length && !result.isOverflow()) {
        return !end || decoder.flush(chars).isUnderflow() && pending.position() == 0;
      }
    }
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
