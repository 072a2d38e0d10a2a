package org.tashil.cli;

import org.tashil.calendar.PeriodRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --period 1405-08}, {@code --period previous} or {@code --period 1404-09..1405-08}. */
public final class PeriodRangeConverter implements ITypeConverter<PeriodRange> {

  @Override
  public PeriodRange convert(String value) {
    try {
      return PeriodRange.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
