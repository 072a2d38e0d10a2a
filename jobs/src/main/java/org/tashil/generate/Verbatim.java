package org.tashil.generate;

import java.util.Objects;

/** Text written into a cell exactly as it is, whatever the column: how broken rows are planted. */
record Verbatim(String text) {

  Verbatim {
    Objects.requireNonNull(text, "text");
  }
}
