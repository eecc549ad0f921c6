/// A check-in rating TrustLens knows by name, in the one order every sheet, chart, table and
/// reader lists them: the three repair ratings first, then self-care and mood.
///
/// The raw value is the field name of the contract (`self_care`, not `selfCare`). Check-ins
/// may carry other numeric columns too; those are extra metrics, not ratings.
package enum Rating: String, CaseIterable, Sendable, Codable {
  case trust, safety, communication
  case selfCare = "self_care"
  case mood

  /// The ratings that measure the repair itself (the trend detectors' repair rating).
  package static let repair: [Rating] = [.trust, .safety, .communication]

  /// Every rating's field name, in order.
  package static let names: [String] = allCases.map(\.rawValue)

  /// The rating's name for people (`self-care`), for legends and headers.
  package var label: String { self == .selfCare ? "self-care" : rawValue }
}

extension Rating {
  /// The rating's place in ``allCases`` (0 for trust … 4 for mood).
  package var position: Int {
    switch self {
    case .trust: return 0
    case .safety: return 1
    case .communication: return 2
    case .selfCare: return 3
    case .mood: return 4
    }
  }
}
