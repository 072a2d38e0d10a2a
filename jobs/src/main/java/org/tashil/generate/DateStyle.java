package org.tashil.generate;

/** How an office writes dates: most Iranian offices write Jalali. */
enum DateStyle {
  /** {@code 2026-11-06}. */
  GREGORIAN,
  /** {@code 1405/08/15}. */
  JALALI
}
