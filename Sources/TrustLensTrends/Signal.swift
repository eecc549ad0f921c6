package import TrustLensCore

/// A pattern found in a subject's data, with its dates and human-readable evidence.
package struct Signal: Sendable, Equatable {
  /// The contract's spelling of the kind (`rushing`, `self-care-neglect`, …): a
  /// ``SignalKind`` raw value.
  package var kind: String
  package var from: LocalDay
  package var to: LocalDay
  /// How strongly the data shows it, in (0, 1].
  package var strength: Double
  /// Plain sentences with the numbers and dates behind the signal.
  package var evidence: [String]

  package init(kind: String, from: LocalDay, to: LocalDay, strength: Double, evidence: [String]) {
    self.kind = kind
    self.from = from
    self.to = to
    self.strength = strength
    self.evidence = evidence
  }

  package init(kind: SignalKind, from: LocalDay, to: LocalDay, strength: Double, evidence: [String]) {
    self.init(kind: kind.rawValue, from: from, to: to, strength: strength, evidence: evidence)
  }

  /// The kind as the vocabulary's type, or `nil` for a kind it does not know.
  package var signalKind: SignalKind? { SignalKind(rawValue: kind) }

  /// Whether a reader must act on the signal (see ``SignalKind/isConcern``).
  package var isConcern: Bool { signalKind?.isConcern ?? true }
}
