package import TrustLensCore

/// A tag a writer gave their own entries ("therapy", a Daylio activity) and the weeks it
/// marks, beside the tone of those entries and of the subject's other entries: so a user can
/// see, say, therapy weeks against the rest.
package struct OwnTag: Sendable, Equatable {
  package var subject: String
  package var tag: String
  /// Entries carrying the tag.
  package var entries: Int
  /// ISO weeks (Monday to Sunday) with at least one such entry.
  package var weeks: Int
  package var first: LocalDay
  package var last: LocalDay
  /// Mean valence of the entries carrying the tag.
  package var valence: Double
  /// Mean valence of the subject's other entries, or `nil` when every entry carries the tag.
  package var otherValence: Double?

  package init(
    subject: String, tag: String, entries: Int, weeks: Int, first: LocalDay, last: LocalDay, valence: Double,
    otherValence: Double?
  ) {
    self.subject = subject
    self.tag = tag
    self.entries = entries
    self.weeks = weeks
    self.first = first
    self.last = last
    self.valence = valence
    self.otherValence = otherValence
  }
}
