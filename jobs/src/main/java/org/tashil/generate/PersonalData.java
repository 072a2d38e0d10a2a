package org.tashil.generate;

import java.util.List;
import java.util.SplittableRandom;
import org.tashil.schema.OfficeDataset;

/**
 * Planted personal data: the columns a careless office adds (a name, a mobile number, a national
 * ID) and a harmless unknown column. Every value is synthetic; the ingest must drop these columns
 * before anything is stored, and tests check that it does.
 */
final class PersonalData {

  static final String PHONE = "تلفن همراه";
  static final String NATIONAL_ID = "کد ملی";
  static final String REMARKS = "ملاحظات";

  private static final List<String> FIRST_NAMES =
      List.of(
          "محمد", "علی", "حسین", "رضا", "عباس", "جاسم", "کریم", "سعید", "مهدی", "حمید", "فاطمه",
          "زهرا", "مریم", "زینب", "لیلا", "سکینه", "معصومه", "نرگس");
  private static final List<String> SURNAMES =
      List.of(
          "احمدی", "موسوی", "ساکی", "عساکره", "چنانی", "حیدری", "کعبی", "نیسی", "سواری", "باوی",
          "زرگانی", "طرفی", "عبیات", "بهبهانی", "دزفولی", "کریمی");
  private static final List<String> OPERATORS =
      List.of("10", "11", "12", "13", "16", "17", "01", "02", "03", "05", "35", "36", "90", "91");
  private static final List<String> REMARK_TEXTS =
      List.of("پیگیری شود", "بازدید دوم لازم است", "مراجعه حضوری", "تکمیل شد");

  private PersonalData() {}

  /** The header of the name column: whose name an office of this dataset would write. */
  static String nameHeader(OfficeDataset dataset) {
    return switch (dataset) {
      case HOUSEHOLDS -> "نام سرپرست";
      case DEMANDS -> "نام متقاضی";
      case ACTIVITIES -> "نام تسهیل‌گر";
    };
  }

  static String name(SplittableRandom random) {
    return FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()))
        + " "
        + SURNAMES.get(random.nextInt(SURNAMES.size()));
  }

  /** A mobile number: {@code 09}, an operator prefix and seven digits. */
  static String phone(SplittableRandom random) {
    return "09"
        + OPERATORS.get(random.nextInt(OPERATORS.size()))
        + "%07d".formatted(random.nextInt(10_000_000));
  }

  /** Ten digits, as a national ID (کد ملی) is written. */
  static String nationalId(SplittableRandom random) {
    return "%03d%07d".formatted(random.nextInt(1, 1000), random.nextInt(10_000_000));
  }

  /** Mostly empty, sometimes a word of the surveyor's. */
  static String remark(SplittableRandom random) {
    return Draws.chance(0.3, random) ? REMARK_TEXTS.get(random.nextInt(REMARK_TEXTS.size())) : null;
  }
}
