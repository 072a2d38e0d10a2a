package org.tashil.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One canonical column of an office file and the rules on its own value. Rules that compare columns
 * are {@link RowRule}s of the dataset.
 *
 * @param min smallest accepted integer, or smallest length of a text
 * @param max largest accepted integer, or largest length of a text
 * @param pattern a regular expression a text value must match, or null
 * @param values the accepted values of an enumeration, lower case
 */
public record Column(
    String name,
    ColumnType type,
    Presence presence,
    int min,
    int max,
    String pattern,
    List<String> values,
    Lookup lookup,
    DateBound dateBound,
    Role role)
    implements Serializable {

  /**
   * What a text column holds, for personal data: an identifier (a code that must never be a
   * national id or a phone number: such a row is quarantined), free text (stored with national ids
   * and phone numbers masked), or a plain value.
   */
  public enum Role {
    VALUE,
    IDENTIFIER,
    FREE_TEXT
  }

  /** Whether a value must be there; conditional presence is a {@link RowRule}. */
  public enum Presence {
    REQUIRED,
    OPTIONAL
  }

  /** A registry the value must be found in. */
  public enum Lookup {
    NONE,
    SETTLEMENT,
    AGENCY
  }

  /** How a date relates to the period the file was sent for. */
  public enum DateBound {
    NONE,
    NOT_AFTER_PERIOD,
    INSIDE_PERIOD
  }

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(presence, "presence");
    values = List.copyOf(values);
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(dateBound, "dateBound");
    Objects.requireNonNull(role, "role");
  }

  public static Column text(String name, int maxLength) {
    return new Column(
        name,
        ColumnType.TEXT,
        Presence.REQUIRED,
        1,
        maxLength,
        null,
        List.of(),
        Lookup.NONE,
        DateBound.NONE,
        Role.VALUE);
  }

  public static Column integer(String name, int min, int max) {
    return new Column(
        name,
        ColumnType.INTEGER,
        Presence.REQUIRED,
        min,
        max,
        null,
        List.of(),
        Lookup.NONE,
        DateBound.NONE,
        Role.VALUE);
  }

  public static Column date(String name) {
    return new Column(
        name,
        ColumnType.DATE,
        Presence.REQUIRED,
        0,
        0,
        null,
        List.of(),
        Lookup.NONE,
        DateBound.NONE,
        Role.VALUE);
  }

  public static Column enumeration(String name, String... values) {
    return new Column(
        name,
        ColumnType.ENUM,
        Presence.REQUIRED,
        0,
        0,
        null,
        List.of(values),
        Lookup.NONE,
        DateBound.NONE,
        Role.VALUE);
  }

  public Column optional() {
    return new Column(
        name, type, Presence.OPTIONAL, min, max, pattern, values, lookup, dateBound, role);
  }

  public Column matching(String regex) {
    return new Column(name, type, presence, min, max, regex, values, lookup, dateBound, role);
  }

  public Column foundIn(Lookup registry) {
    return new Column(name, type, presence, min, max, pattern, values, registry, dateBound, role);
  }

  public Column bounded(DateBound bound) {
    return new Column(name, type, presence, min, max, pattern, values, lookup, bound, role);
  }

  /** The same column holding an identifier: never a national id or a phone number. */
  public Column identifier() {
    return new Column(
        name, type, presence, min, max, pattern, values, lookup, dateBound, Role.IDENTIFIER);
  }

  /** The same column holding free text, stored with national ids and phone numbers masked. */
  public Column freeText() {
    return new Column(
        name, type, presence, min, max, pattern, values, lookup, dateBound, Role.FREE_TEXT);
  }

  public boolean isRequired() {
    return presence == Presence.REQUIRED;
  }
}
