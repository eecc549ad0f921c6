/// One field of an input record, as the format gave it.
enum FieldValue: Sendable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
  case array([FieldValue])
  /// A JSON object or anything else that has no scalar reading.
  case other

  /// The field read as text: strings as they are, numbers and booleans spelled out.
  var text: String? {
    switch self {
    case .string(let s): return s
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .bool(let b): return b ? "true" : "false"
    case .null, .array, .other: return nil
    }
  }

  var isBlank: Bool {
    switch self {
    case .null: return true
    case .string(let s): return s.allSatisfy(\.isWhitespace)
    default: return false
    }
  }
}

/// The column names TrustLens knows, and their aliases.
enum FieldNames {
  static let text = ["text", "entry", "body", "note"]
  static let date = ["date", "datetime", "timestamp", "created"]
  static let subject = ["subject", "client"]
  static let ratings = ["trust", "communication", "safety", "self_care", "mood"]
  static let counters = ["commitments_made", "commitments_kept"]
  static let held = "held"
  /// Fields that are never metrics, whatever they hold.
  static let nonMetric: Set<String> = Set(text + date + subject + ["id", "author", "tags", "held"])

  /// True when these field names describe check-ins rather than journal entries.
  static func looksLikeCheckIns(_ names: some Sequence<String>) -> Bool {
    names.contains { $0 == held || ratings.contains($0) || counters.contains($0) }
  }
}
