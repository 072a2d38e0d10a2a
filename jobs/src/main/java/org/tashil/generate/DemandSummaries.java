package org.tashil.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The short Persian sentence an office writes about a demand: the problem, never a person. About
 * one demand in five has none.
 */
final class DemandSummaries {

  private static final Map<String, List<String>> SENTENCES =
      Map.ofEntries(
          Map.entry(
              "water",
              List.of(
                  "قطعی مکرر آب در کوچه %d",
                  "فشار پایین آب در ساعات اوج مصرف",
                  "درخواست لوله‌کشی آب برای کوچه‌های جدید",
                  "تأمین آب با تانکر کافی نیست")),
          Map.entry(
              "sewage",
              List.of(
                  "جاری شدن فاضلاب در معبر عمومی",
                  "انسداد کانال فاضلاب روباز",
                  "درخواست اتصال به شبکه فاضلاب")),
          Map.entry(
              "electricity",
              List.of(
                  "قطعی برق و افت ولتاژ",
                  "درخواست نصب کنتور برای انشعاب‌های غیرمجاز",
                  "سیم‌کشی فرسوده و خطرناک در کوچه %d")),
          Map.entry(
              "roads",
              List.of(
                  "کوچه %d آسفالت نشده و در بارندگی گل می‌شود",
                  "درخواست روشنایی معابر", "چاله‌های عمیق در خیابان اصلی محله")),
          Map.entry(
              "waste",
              List.of(
                  "جمع‌آوری نشدن زباله در چند هفته اخیر",
                  "انباشت پسماند در زمین بایر کنار محله",
                  "درخواست مخزن زباله برای کوچه %d")),
          Map.entry(
              "education",
              List.of(
                  "کمبود کلاس در مدرسه ابتدایی محله",
                  "درخواست سرویس مدرسه برای دانش‌آموزان",
                  "ثبت‌نام نشدن کودکان بدون مدرک در مدرسه")),
          Map.entry(
              "health",
              List.of(
                  "نبود خانه بهداشت در نزدیکی محله",
                  "درخواست سمپاشی برای مقابله با پشه و جانوران موذی",
                  "درخواست واکسیناسیون کودکان")),
          Map.entry(
              "security",
              List.of(
                  "ناامنی در شب به دلیل نبود روشنایی",
                  "درخواست گشت انتظامی در محله",
                  "خرید و فروش مواد مخدر در زمین بایر")),
          Map.entry(
              "documents",
              List.of(
                  "نداشتن شناسنامه برای کودکان", "درخواست صدور کارت ملی", "ثبت ولادت با تأخیر")),
          Map.entry(
              "tenure",
              List.of(
                  "درخواست سند مالکیت برای قطعه‌های قولنامه‌ای",
                  "اختلاف بر سر حدود زمین",
                  "درخواست تعیین تکلیف اراضی محله")),
          Map.entry(
              "employment",
              List.of(
                  "درخواست معرفی به دوره آموزش مهارت",
                  "بیکاری جوانان محله",
                  "درخواست وام اشتغال خانگی")),
          Map.entry(
              "welfare",
              List.of(
                  "درخواست پوشش حمایتی برای خانوار زن‌سرپرست",
                  "درخواست سبد غذایی",
                  "درخواست بیمه برای خانوار بی‌بضاعت")),
          Map.entry(
              "relocation",
              List.of(
                  "خطر رانش زمین پشت خانه‌ها",
                  "درخواست اسکان موقت پس از آبگرفتگی",
                  "پرسش درباره شرایط جابه‌جایی خانوار")),
          Map.entry(
              "other",
              List.of("درخواست فضای بازی برای کودکان", "نبود گاز لوله‌کشی", "آلودگی هوا و بو")));

  private DemandSummaries() {}

  /** A sentence about a demand of the category, or null (about one in five). */
  static String summary(String category, SplittableRandom random) {
    if (Draws.chance(0.2, random)) {
      return null;
    }
    List<String> sentences = SENTENCES.getOrDefault(category, SENTENCES.get("other"));
    String sentence = sentences.get(random.nextInt(sentences.size()));
    return sentence.contains("%d") ? sentence.formatted(1 + random.nextInt(40)) : sentence;
  }
}
