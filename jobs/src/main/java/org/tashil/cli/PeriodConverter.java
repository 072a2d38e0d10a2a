package org.tashil.cli;

import org.tashil.calendar.Period;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --period 1405-08} or {@code --period previous}. */
public final class PeriodConverter implements ITypeConverter<Period> {

  @Override
  public Period convert(String value) {
    try {
      return Period.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
