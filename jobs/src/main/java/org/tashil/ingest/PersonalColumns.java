package org.tashil.ingest;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.tashil.text.PersianText;

/**
 * Recognises headers of personal data: names, national ID, phone, address, exact coordinates. Such
 * columns are dropped on read, before anything is stored, and the submission records their headers.
 * A header that is a canonical column or an alias is never asked about.
 */
final class PersonalColumns {

  private static final Set<String> ENGLISH_WORDS =
      Set.of(
          "name",
          "names",
          "firstname",
          "lastname",
          "surname",
          "fullname",
          "family",
          "father",
          "national",
          "nationalid",
          "nid",
          "melli",
          "meli",
          "codemelli",
          "ssn",
          "passport",
          "phone",
          "phones",
          "mobile",
          "cell",
          "cellphone",
          "tel",
          "telephone",
          "contact",
          "whatsapp",
          "email",
          "mail",
          "address",
          "addr",
          "street",
          "postal",
          "postcode",
          "zip",
          "gps",
          "geo",
          "geopoint",
          "geolocation",
          "location",
          "lat",
          "lon",
          "lng",
          "latitude",
          "longitude",
          "coordinates",
          "coords",
          "coord");
  private static final Set<String> PERSIAN_WORDS =
      Set.of(
          "نام",
          "اسم",
          "خانوادگی",
          "پدر",
          "ملی",
          "کدملی",
          "شناسنامه",
          "گذرنامه",
          "تلفن",
          "موبایل",
          "همراه",
          "تماس",
          "نشانی",
          "آدرس",
          "پستی",
          "مختصات",
          "جغرافیایی",
          "موقعیت",
          "جی‌پی‌اس",
          "ایمیل",
          "رایانامه");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-./:()\\[\\]\\u200C]+");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");

  private PersonalColumns() {}

  static boolean isPersonal(String header) {
    String normalized = PersianText.normalize(header);
    if (normalized == null) {
      return false;
    }
    String spaced = CAMEL.matcher(normalized).replaceAll(" ").toLowerCase(java.util.Locale.ROOT);
    String[] tokens = SEPARATORS.split(spaced);
    if (Arrays.stream(tokens).anyMatch(token -> ENGLISH_WORDS.contains(token))) {
      return true;
    }
    String joined = String.join("", tokens);
    if (ENGLISH_WORDS.contains(joined)) {
      return true;
    }
    String persian = normalized.replace('\u200C', ' ');
    return Arrays.stream(persian.split("[\\s_\\-/]+")).anyMatch(PERSIAN_WORDS::contains)
        || PERSIAN_WORDS.stream().anyMatch(word -> word.length() > 3 && persian.contains(word));
  }
}
