package org.tashil.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tashil.reference.Settlement;

/**
 * The demands every office keeps: about 8,000 new ones a month province-wide at scale 1, each
 * followed until it closes. An office's demands file for a month holds every demand registered or
 * changed since its last file, in its state at the last change; a month an office sends nothing is
 * caught up in its next file. Closed demands that were sent are forgotten, so memory holds only
 * what is still open.
 */
final class DemandBook {

  static final double PER_MONTH = 8_000;

  private final long seed;
  private final double scale;
  private final Map<String, SettlementProfile> profiles;
  private final DemandLifecycles lifecycles;
  private final Map<String, List<Demand>> kept = new TreeMap<>();

  /** Per office, the first month whose changes it has not sent yet. */
  private final Map<String, Month> unsentSince = new TreeMap<>();

  private Month firstSent;

  DemandBook(
      long seed,
      double scale,
      Map<String, SettlementProfile> profiles,
      DemandLifecycles lifecycles) {
    this.seed = seed;
    this.scale = scale;
    this.profiles = profiles;
    this.lifecycles = lifecycles;
  }

  /** The demand weight of a settlement: its households times its demand rate. */
  double weight(Settlement settlement) {
    return settlement.estHouseholds() * profiles.get(settlement.id()).demandRate();
  }

  /**
   * Registers one office's new demands of a month.
   *
   * @param totalWeight the weight of every settlement served this month
   */
  void register(Month month, String officeId, List<Settlement> settlements, double totalWeight) {
    SplittableRandom random = Seeds.random(seed, "register", month, officeId);
    double busy = Draws.between(0.85, 1.15, random);
    record Arrival(LocalDate on, String settlementId, int order) {}
    List<Arrival> arrivals = new ArrayList<>();
    for (Settlement settlement : settlements) {
      double expected = PER_MONTH * scale * busy * weight(settlement) / totalWeight;
      int count = Draws.count(expected, random);
      for (int i = 0; i < count; i++) {
        arrivals.add(
            new Arrival(
                Draws.day(month.firstDay(), month.lastDay(), random),
                settlement.id(),
                arrivals.size()));
      }
    }
    arrivals.sort(
        Comparator.comparing(Arrival::on)
            .thenComparing(Arrival::settlementId)
            .thenComparingInt(Arrival::order));
    String prefix = officeId.replaceAll("[^A-Za-z0-9]", "") + "-D" + month.code() + "-";
    List<Demand> demands = kept.computeIfAbsent(officeId, office -> new ArrayList<>());
    int number = 0;
    for (Arrival arrival : arrivals) {
      String id = prefix + "%05d".formatted(++number);
      demands.add(
          lifecycles.draw(id, officeId, profiles.get(arrival.settlementId()), arrival.on()));
    }
  }

  /** Every office starts sending in {@code first}: what changed before is not sent. */
  void startSendingIn(Month first) {
    this.firstSent = first;
  }

  /**
   * The rows of an office's demands file for the month: every demand registered or changed since
   * its last file, in its state at its last change up to the end of the month.
   */
  List<DemandState> send(Month month, String officeId) {
    Month from = unsentSince.getOrDefault(officeId, firstSent);
    List<DemandState> rows = new ArrayList<>();
    Iterator<Demand> demands = kept.getOrDefault(officeId, new ArrayList<>()).iterator();
    while (demands.hasNext()) {
      Demand demand = demands.next();
      if (demand.lastChange().isBefore(from.firstDay())) {
        demands.remove();
        continue;
      }
      List<LocalDate> updates = demand.updates(from, month, seed);
      if (!updates.isEmpty()) {
        rows.add(demand.stateOn(updates.get(updates.size() - 1)));
      }
      if (!demand.lastChange().isAfter(month.lastDay())) {
        demands.remove();
      }
    }
    unsentSince.put(officeId, month.next());
    rows.sort(Comparator.comparing(DemandState::updatedOn).thenComparing(DemandState::demandId));
    return rows;
  }
}
