package org.tashil.reference;

import java.io.Serializable;
import java.util.Objects;

/** An informal settlement of the registry, and the office that serves it. */
public record Settlement(
    String id,
    String nameFa,
    String nameEn,
    String countyFa,
    String countyEn,
    String cityFa,
    String officeId,
    int estHouseholds,
    int estPopulation,
    String hazard)
    implements Serializable {

  public Settlement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(officeId, "officeId");
    Objects.requireNonNull(hazard, "hazard");
  }
}
