package import TrustLensCore
package import TrustLensTrends

/// Everything every exporter renders. Built once per run; exporters never recompute.
package struct Report: Sendable {
  package var pipeline: String
  package var asOf: LocalDay?
  package var counts: RunCounts
  package var subjects: [SubjectReport]
  /// Categories the lexicon can produce, in column order.
  package var categories: [(name: String, kind: TagKind)]
  package var lexicons: [String]
  /// The first rejects (all of them are in the rejects file).
  package var rejects: [Reject]
  /// Files met and not read, each with its reason.
  package var skippedFiles: [SkippedFile] = []
  /// The writers' own tags with their weeks and tone (the Own tags sheet), by subject.
  package var ownTags: [OwnTag] = []
  package var alerts: [String]
  /// The pipeline file the run came from, for the About sheet (`nil` for commands).
  package var pipelinePath: String?
  /// The time zone dates were read in.
  package var timeZone: String = ""
  /// Output files written, relative to the output folder (filled in as they are written).
  package var outputs: [String]
  /// Whether the outputs show the journal texts themselves (the Entries sheet's Text column).
  /// True by default; set it to false for a report whose outputs are shared without the
  /// writing in them — a pseudonymised caseload, where codes replace names but a text would
  /// still identify its writer.
  package var showsText = true

  /// The caseload's outcomes (reliable change of the repair rating, inactive subjects): the
  /// one count the Overview sheet, the dashboard's head, the HTML head and `report.json` show.
  package var outcomes: CaseloadOutcomes { CaseloadOutcomes(subjects.lazy.map(\.assessment)) }

  package init(
    pipeline: String, asOf: LocalDay?, counts: RunCounts, subjects: [SubjectReport],
    categories: [(name: String, kind: TagKind)], lexicons: [String], rejects: [Reject],
    alerts: [String] = [], outputs: [String] = []
  ) {
    self.pipeline = pipeline
    self.asOf = asOf
    self.counts = counts
    self.subjects = subjects
    self.categories = categories
    self.lexicons = lexicons
    self.rejects = rejects
    self.alerts = alerts
    self.outputs = outputs
  }
}
