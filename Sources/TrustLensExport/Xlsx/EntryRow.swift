import TrustLensCore

/// What one row of the Entries sheet shows of an analysed record, and its spill frame:
/// ``SortedEntries`` keeps rows on disk while records stream in. The evidence is kept as the
/// line the sheet shows and the intensities as the one emotion/theme rule gives them
/// (``TextAnalysis/tagIntensities``), so a frame holds only what the row writes.
struct EntryRow {
  var id: String
  var subject: String
  var date: RecordDate
  var source: SourceLocation
  var kind: AnalyzedKind
  var valence: Double
  var words: Int
  /// Each tag present, at its intensity in (0, 1].
  var intensities: [String: Double]
  /// ``EvidenceText/line(_:)`` of the record's evidence.
  var evidence: String
  /// The text analysed ("" for a line read back from a shard).
  var text: String
  /// The writer's own tags, in their order.
  var userTags: [String]

  init(_ record: AnalyzedRecord) {
    id = record.id
    subject = record.subject
    date = record.date
    source = record.source
    kind = record.kind
    valence = record.analysis.valence
    words = record.analysis.words
    intensities = record.analysis.tagIntensities
    evidence = EvidenceText.line(record.analysis.evidence)
    text = record.text
    userTags = record.userTags
  }

  /// The row as one spill frame (length prefix included).
  var frame: [UInt8] {
    var w = SpillWriter()
    w.identity(id: id, subject: subject, date: date, source: source)
    w.int(kind == .entry ? 0 : 1)
    w.double(valence)
    w.int(words)
    w.tags(intensities)
    w.string(evidence)
    w.string(text)
    w.int(userTags.count)
    for tag in userTags { w.string(tag) }
    return w.frame()
  }

  /// Reads back a row written as ``frame``.
  init(_ reader: inout SpillReader) throws(SpillReader.CorruptFrame) {
    (id, subject, date, source) = try reader.identity()
    kind = try reader.int() == 0 ? .entry : .checkinNote
    valence = try reader.double()
    words = try reader.int()
    intensities = try reader.tags()
    evidence = try reader.string()
    text = try reader.string()
    userTags = []
    // A tag is at least one string length: 8 bytes.
    for _ in 0..<(try reader.count(of: 8)) { userTags.append(try reader.string()) }
  }
}
