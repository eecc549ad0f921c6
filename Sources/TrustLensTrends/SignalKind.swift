import TrustLensCore

/// The patterns the trend stage can find in a subject's course: the one vocabulary of
/// signals. Raw values are the contract's spellings (JSON, the command line, pipeline files).
package enum SignalKind: String, Sendable, CaseIterable, Codable {
  case rushing, setback, avoidance, progress
  case selfCareNeglect = "self-care-neglect"
  /// The subject's last record is long before the run's date. A fact about the data, never a
  /// reason to change the status.
  case inactive

  /// Every kind's spelling, for messages: `rushing, setback, avoidance, …`.
  package static var allSpellings: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// Whether the signal is something a reader must act on (`progress` is good news and
  /// `inactive` says only how recent the data is).
  package var isConcern: Bool {
    switch self {
    case .rushing, .setback, .avoidance, .selfCareNeglect: return true
    case .progress, .inactive: return false
    }
  }

  /// The status the signal decides when it is the first concern found (`nil` for signals that
  /// never decide a status).
  package var status: RepairStatus? {
    switch self {
    case .rushing: return .rushing
    case .setback: return .setback
    case .avoidance: return .avoidance
    case .progress: return .progress
    case .selfCareNeglect, .inactive: return nil
    }
  }

  /// The tags whose presence in a text shows the signal: what its detector counts in the
  /// writing, and what a notable entry of the signal is chosen by. Empty for `inactive`.
  package var evidenceTags: [String] {
    switch self {
    case .rushing: return EvidenceTags.pressure + EvidenceTags.hurt
    case .setback: return EvidenceTags.relapse
    case .avoidance: return EvidenceTags.avoidance
    case .progress: return EvidenceTags.improvement
    case .selfCareNeglect: return EvidenceTags.selfNeglect + EvidenceTags.distress
    case .inactive: return []
    }
  }
}
