package org.tashil.reference;

import java.io.Serializable;
import java.util.Objects;

/** A government agency demands are referred to, with the days it has to resolve one. */
public record Agency(String id, String nameFa, String nameEn, int slaDays) implements Serializable {

  public Agency {
    Objects.requireNonNull(id, "id");
    if (slaDays < 1) {
      throw new IllegalArgumentException("agency " + id + ": sla_days must be at least 1");
    }
  }
}
