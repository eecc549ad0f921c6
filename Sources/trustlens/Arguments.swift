import ArgumentParser
import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensPipeline
import TrustLensTrends

// Typed arguments: each parses (and validates) itself, with the message a user needs.

extension Commands.AnalyzeFormat: ExpressibleByArgument {}
extension Commands.TrendsFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension RecordKind: ExpressibleByArgument {}

enum Arguments {
  /// A date `YYYY-MM-DD` of `option`.
  static func day(_ option: String) -> @Sendable (String) throws -> LocalDay {
    { text in
      guard let day = LocalDay(iso: text) else { throw ValidationError("\(option) must be a date YYYY-MM-DD, not \"\(text)\"") }
      return day
    }
  }

  /// A month `YYYY-MM`, as its first day.
  @Sendable static func month(_ text: String) throws -> LocalDay {
    guard let day = LocalDay(iso: text + "-01") else { throw ValidationError("--month must be YYYY-MM, not \"\(text)\"") }
    return day
  }

  /// Comma-separated signal kinds of `option`, each checked.
  static func signals(_ option: String) -> @Sendable (String) throws -> [String] {
    { text in
      let kinds = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      for kind in kinds where SignalKind(rawValue: kind) == nil {
        throw ValidationError("\(option): unknown signal \"\(kind)\" (expected one of: \(SignalKind.allSpellings))")
      }
      return kinds
    }
  }

  /// A day order for day/month dates.
  @Sendable static func dayOrder(_ text: String) throws -> DayOrder {
    guard let order = DayOrder(rawValue: text) else { throw ValidationError("--date-format must be DD/MM/YYYY or MM/DD/YYYY") }
    return order
  }

  /// An IANA time zone.
  @Sendable static func timeZone(_ text: String) throws -> TimeZone {
    guard let zone = TimeZone(identifier: text) else {
      throw ValidationError("unknown time zone \"\(text)\" (use an IANA name such as Europe/Berlin)")
    }
    return zone
  }
}
