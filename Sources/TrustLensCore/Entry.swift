/// One journal entry: free text written on a date.
package struct Entry: Sendable, Hashable {
  package var id: String
  package var subject: String
  package var date: RecordDate
  package var source: SourceLocation
  package var text: String
  package var author: String?
  /// Tags the writer or the app attached (not TrustLens's own tags).
  package var userTags: [String]

  package init(
    id: String, subject: String, date: RecordDate, source: SourceLocation, text: String,
    author: String? = nil, userTags: [String] = []
  ) {
    self.id = id
    self.subject = subject
    self.date = date
    self.source = source
    self.text = text
    self.author = author
    self.userTags = userTags
  }
}
