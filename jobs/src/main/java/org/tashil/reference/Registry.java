package org.tashil.reference;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.tashil.calendar.Period;

/**
 * The reference registry (contract §3): settlements, offices, agencies and column aliases, read
 * from {@code --reference DIR} ({@link RegistryFiles}) and looked up by id ignoring case. Small
 * enough to hold in memory and broadcast to every Spark task.
 */
public final class Registry implements Serializable {

  public static final Set<String> HAZARDS =
      Set.of("none", "landslide", "flood", "riverbank", "high_voltage", "pipeline", "industrial");

  /** What every id of the registry is (contract §3): compared ignoring case. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final String REGISTRY = "registry";

  private final Map<String, Settlement> settlements;
  private final Map<String, Office> offices;
  private final Map<String, Agency> agencies;
  private final Map<String, Settlement> settlementsByKey;
  private final Map<String, Office> officesByKey;
  private final Map<String, Agency> agenciesByKey;
  private final ColumnAliases aliases;

  /**
   * A registry built in code (tests). Its ids go through the checks {@link #load} makes, with
   * "registry (settlements)" and the like in place of a file and line; a settlement's office is
   * stored in the offices' spelling.
   */
  public Registry(
      Collection<Settlement> settlements,
      Collection<Office> offices,
      Collection<Agency> agencies,
      ColumnAliases aliases) {
    RegistryIds officeIds = new RegistryIds(REGISTRY + " (offices)", "office_id");
    for (Office office : offices) {
      officeIds.add(office.id(), office.id(), 0);
    }
    RegistryIds agencyIds = new RegistryIds(REGISTRY + " (agencies)", "agency_id");
    for (Agency agency : agencies) {
      agencyIds.add(agency.id(), agency.id(), 0);
    }
    RegistryIds settlementIds = new RegistryIds(REGISTRY + " (settlements)", "settlement_id");
    List<Settlement> spelled = new ArrayList<>(settlements.size());
    for (Settlement settlement : settlements) {
      settlementIds.add(settlement.id(), settlement.id(), 0);
      String office =
          officeIds.reference(
              settlementIds.where(0),
              "office_id",
              settlement.officeId(),
              settlement.officeId(),
              "the registry's offices");
      spelled.add(
          settlement.officeId().equals(office) ? settlement : withOffice(settlement, office));
    }
    this.settlements = index(spelled, Settlement::id);
    this.offices = index(offices, Office::id);
    this.agencies = index(agencies, Agency::id);
    this.settlementsByKey = byKey(this.settlements);
    this.officesByKey = byKey(this.offices);
    this.agenciesByKey = byKey(this.agencies);
    this.aliases = aliases;
  }

  /**
   * Reads the registry file by file (offices, agencies, settlements, column aliases), failing with
   * the file, line and value of the first thing wrong. Every id must be {@link #ID} and unique
   * ignoring case within its file; a settlement's office must be in offices.csv ignoring case and
   * is stored in offices.csv's spelling.
   */
  public static Registry load(Path directory) {
    return RegistryFiles.load(directory);
  }

  /** Whether a text is an id: 1 to 64 ASCII letters, digits, '-' or '_'. */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /** The settlement whose id is {@code id} ignoring case; its {@code id()} is the registry's. */
  public Optional<Settlement> settlement(String id) {
    return find(settlementsByKey, id);
  }

  /** The office whose id is {@code id} ignoring case; its {@code id()} is the registry's. */
  public Optional<Office> office(String id) {
    return find(officesByKey, id);
  }

  /** The agency whose id is {@code id} ignoring case; its {@code id()} is the registry's. */
  public Optional<Agency> agency(String id) {
    return find(agenciesByKey, id);
  }

  public Collection<Settlement> settlements() {
    return settlements.values();
  }

  public Collection<Office> offices() {
    return offices.values();
  }

  public Collection<Agency> agencies() {
    return agencies.values();
  }

  public ColumnAliases aliases() {
    return aliases;
  }

  public List<Office> activeOffices(Period period) {
    return offices.values().stream().filter(office -> office.isActiveIn(period)).toList();
  }

  /** The settlements of an office, whose id is compared ignoring case. */
  public List<Settlement> settlementsServedBy(String officeId) {
    return settlements.values().stream()
        .filter(settlement -> settlement.officeId().equalsIgnoreCase(officeId))
        .toList();
  }

  private static <T> Optional<T> find(Map<String, T> byKey, String id) {
    return isId(id) ? Optional.ofNullable(byKey.get(RegistryIds.key(id))) : Optional.empty();
  }

  private static <T> Map<String, T> byKey(Map<String, T> byId) {
    Map<String, T> byKey = new HashMap<>();
    byId.forEach((id, item) -> byKey.put(RegistryIds.key(id), item));
    return byKey;
  }

  private static Settlement withOffice(Settlement s, String officeId) {
    return new Settlement(
        s.id(),
        s.nameFa(),
        s.nameEn(),
        s.countyFa(),
        s.countyEn(),
        s.cityFa(),
        officeId,
        s.estHouseholds(),
        s.estPopulation(),
        s.hazard());
  }

  private static <T> Map<String, T> index(Collection<T> items, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T item : items) {
      byId.put(id.apply(item), item);
    }
    return byId;
  }
}
