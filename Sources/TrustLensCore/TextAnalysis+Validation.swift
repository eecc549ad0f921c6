/// The ranges the analyzer keeps to, checked on analyses that come back from outside the
/// process (the run state's cache; analysed lines may use the same rule). A value outside
/// them would poison every sum it reaches — a valence of 1e308 once stopped the run.
extension TextAnalysis {
  /// At most this many tags, evidence items and bytes of evidence text in one analysis: far
  /// above what a 1 MiB text gives, far below what could exhaust memory.
  package static let maxTags = 4_096
  package static let maxEvidence = 1 << 16
  package static let maxEvidenceBytes = 1 << 22

  /// Why this analysis cannot be one the analyzer made, or `nil` when it can: words not
  /// negative; valence finite in [-1, 1]; each tag named and with a finite intensity in
  /// (0, 1]; evidence with finite weights, non-negative positions (start ≤ end) and bounded
  /// sizes. The reason never quotes text.
  package var validationProblem: String? {
    guard words >= 0 else { return "words \(words) is negative" }
    guard valence.isFinite, (-1...1).contains(valence) else { return "valence \(valence) is outside [-1, 1]" }
    guard emotions.count + themes.count <= Self.maxTags else { return "more than \(Self.maxTags) tags" }
    for (tag, intensity) in [emotions, themes].joined() {
      guard !tag.isEmpty, tag.utf8.count <= 256 else { return "a tag name is empty or longer than 256 bytes" }
      guard intensity.isFinite, intensity > 0, intensity <= 1 else { return "an intensity \(intensity) is outside (0, 1]" }
    }
    guard evidence.count <= Self.maxEvidence else { return "more than \(Self.maxEvidence) evidence items" }
    var bytes = 0
    for item in evidence {
      guard item.weight.isFinite else { return "an evidence weight is not a finite number" }
      guard item.sentence >= 0, item.start >= 0, item.start <= item.end else { return "an evidence position is out of range" }
      bytes += item.tag.utf8.count + item.match.utf8.count + item.rules.reduce(0) { $0 + $1.utf8.count }
    }
    guard bytes <= Self.maxEvidenceBytes else { return "more than \(Self.maxEvidenceBytes) bytes of evidence" }
    return nil
  }
}
