package org.tashil.reports.model;

import static java.util.Objects.requireNonNull;

/** A name as the registry spells it in Persian and in English. */
public record BilingualName(String persian, String english) {

  public BilingualName {
    requireNonNull(persian, "persian");
    requireNonNull(english, "english");
  }

  public String in(Language language) {
    return switch (language) {
      case PERSIAN -> persian;
      case ENGLISH -> english;
    };
  }
}
