/// Which kind of text an analysed record is.
package enum AnalyzedKind: String, Sendable, Codable {
  case entry
  case checkinNote = "checkin"
}

/// An analysed text with the identity of the record it came from, and what its writer or app
/// attached to it (author, their own tags), carried unchanged to the outputs.
package struct AnalyzedRecord: Sendable, Hashable, Codable {
  package var id: String
  package var subject: String
  package var date: RecordDate
  package var source: SourceLocation
  package var kind: AnalyzedKind
  package var analysis: TextAnalysis
  /// The analysed text itself; empty for a record read back from analysed lines (which do
  /// not carry it).
  package var text: String
  package var author: String?
  /// Tags the writer or the app attached (Day One tags, Daylio activities, `tags` fields),
  /// not TrustLens's own.
  package var userTags: [String]

  package init(
    id: String, subject: String, date: RecordDate, source: SourceLocation, kind: AnalyzedKind,
    analysis: TextAnalysis, text: String = "", author: String? = nil, userTags: [String] = []
  ) {
    self.id = id
    self.subject = subject
    self.date = date
    self.source = source
    self.kind = kind
    self.analysis = analysis
    self.text = text
    self.author = author
    self.userTags = userTags
  }
}
