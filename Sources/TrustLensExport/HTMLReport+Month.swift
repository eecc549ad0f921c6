import Foundation
import TrustLensCore
import TrustLensTrends

extension HTMLReport {
  /// The month view of a monthly report, as the Month sheet and the dashboard show it: a
  /// calendar of daily valence (each day's cell coloured on ``valenceColor(_:)``, its value
  /// written in it; no colour without an entry), the month against the months before it, and
  /// the month's notable entries.
  static func monthModel(_ view: MonthView) -> [String: Any] {
    let weeks = view.weeks.map { week -> [String: Any] in
      let monday = week.compactMap { $0 }.first?.startOfISOWeek
      return [
        "weekOf": monday?.description ?? "",
        "days": week.map { day -> [String: Any] in
          guard let day else { return ["inMonth": false] }
          let value = view.dailyValence[day]
          return [
            "inMonth": true, "day": day.day, "hasValue": value != nil,
            "value": value.map { NumberText.short($0, digits: 2) } ?? "", "color": value.map(valenceColor) ?? "",
          ]
        },
      ]
    }
    let months = view.months.map { start, bucket -> [String: Any] in
      [
        "month": WeekAxis.monthLabel(start), "texts": bucket.texts,
        "valence": bucket.meanValence.map { NumberText.short($0, digits: 2) } ?? "—",
        "trust": bucket.rating(Rating.trust.rawValue).map { NumberText.short($0) } ?? "—",
        "mood": bucket.rating(Rating.mood.rawValue).map { NumberText.short($0) } ?? "—",
        "held": bucket.checkInsHeld, "skipped": bucket.checkInsSkipped,
        "emotions": bucket.topEmotions(limit: 3).joined(separator: ", "),
      ]
    }
    let notable = view.notable.map { notable -> [String: Any] in
      [
        "signal": notable.signal, "date": notable.date.day.description,
        "evidence": notable.evidence.joined(separator: "; "), "source": notable.source.description,
      ]
    }
    return [
      "title": view.title, "weeks": weeks, "months": months,
      "hasNotable": !notable.isEmpty, "notable": notable,
    ]
  }

  /// A valence's colour on the Month sheet's three-colour scale: red at −1, yellow at 0,
  /// green at 1, as `#rrggbb`.
  static func valenceColor(_ valence: Double) -> String {
    let red = (0xF8, 0x69, 0x6B), yellow = (0xFF, 0xEB, 0x84), green = (0x63, 0xBE, 0x7B)
    let t = min(max(valence, -1), 1)
    let (from, to, share) = t < 0 ? (yellow, red, -t) : (yellow, green, t)
    func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * share).rounded()) }
    return String(format: "#%02x%02x%02x", mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
  }
}
