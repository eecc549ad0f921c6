import TrustLensCore

/// The frames of the records a run spills (see ``SpillWriter``), and of the analyses the run
/// state caches: the one binary form of an analysis.
extension SpillWriter {
  /// One analysed record as a frame.
  static func frame(_ record: AnalyzedRecord) -> [UInt8] {
    var w = SpillWriter()
    w.record(record)
    return w.frame()
  }

  /// One check-in as a frame.
  static func frame(_ checkIn: CheckIn) -> [UInt8] {
    var w = SpillWriter()
    w.checkIn(checkIn)
    return w.frame()
  }

  /// An analysed record's fields.
  mutating func record(_ record: AnalyzedRecord) {
    identity(id: record.id, subject: record.subject, date: record.date, source: record.source)
    int(record.kind == .entry ? 0 : 1)
    analysis(record.analysis)
    string(record.text)
    int(record.author == nil ? 0 : 1)
    string(record.author ?? "")
    int(record.userTags.count)
    for tag in record.userTags { string(tag) }
  }

  /// An analysis's fields: in a record's frame, and the run state's cached analyses.
  mutating func analysis(_ a: TextAnalysis) {
    int(a.words)
    double(a.valence)
    tags(a.emotions)
    tags(a.themes)
    int(a.evidence.count)
    for e in a.evidence {
      string(e.tag)
      string(e.match)
      int(e.sentence)
      int(e.start)
      int(e.end)
      double(e.weight)
      int(e.rules.count)
      for rule in e.rules { string(rule) }
    }
  }

  /// A check-in's fields.
  mutating func checkIn(_ checkIn: CheckIn) {
    identity(id: checkIn.id, subject: checkIn.subject, date: checkIn.date, source: checkIn.source)
    int(checkIn.held ? 1 : 0)
    tags(checkIn.ratings)
    int(checkIn.commitmentsMade.map { _ in 1 } ?? 0)
    double(checkIn.commitmentsMade ?? 0)
    int(checkIn.commitmentsKept.map { _ in 1 } ?? 0)
    double(checkIn.commitmentsKept ?? 0)
    int(checkIn.note == nil ? 0 : 1)
    string(checkIn.note ?? "")
  }
}

extension SpillReader {
  mutating func analyzedRecord() throws(CorruptFrame) -> AnalyzedRecord {
    let (id, subject, date, source) = try identity()
    let kind: AnalyzedKind = try int() == 0 ? .entry : .checkinNote
    let analysis = try analysis()
    let text = try string()
    let hasAuthor = try int() == 1, author = try string()
    var userTags: [String] = []
    // A tag is at least one string length: 8 bytes.
    for _ in 0..<(try count(of: 8)) { userTags.append(try string()) }
    return AnalyzedRecord(
      id: id, subject: subject, date: date, source: source, kind: kind, analysis: analysis, text: text,
      author: hasAuthor ? author : nil, userTags: userTags)
  }

  /// An analysis written by ``SpillWriter/analysis(_:)``.
  mutating func analysis() throws(CorruptFrame) -> TextAnalysis {
    let words = try int(), valence = try double(), emotions = try tags(), themes = try tags()
    var evidence: [Evidence] = []
    // An evidence item is at least two string lengths and five numbers: 56 bytes.
    for _ in 0..<(try count(of: 56)) {
      let tag = try string(), match = try string(), sentence = try int(), start = try int(), end = try int(), weight = try double()
      var rules: [String] = []
      for _ in 0..<(try count(of: 8)) { rules.append(try string()) }
      evidence.append(Evidence(tag: tag, match: match, sentence: sentence, start: start, end: end, weight: weight, rules: rules))
    }
    return TextAnalysis(words: words, valence: valence, emotions: emotions, themes: themes, evidence: evidence)
  }

  mutating func checkIn() throws(CorruptFrame) -> CheckIn {
    let (id, subject, date, source) = try identity()
    let held = try int() == 1
    let ratings = try tags()
    let hasMade = try int() == 1, made = try double(), hasKept = try int() == 1, kept = try double()
    let hasNote = try int() == 1, note = try string()
    return CheckIn(
      id: id, subject: subject, date: date, source: source, held: held, ratings: ratings,
      commitmentsMade: hasMade ? made : nil, commitmentsKept: hasKept ? kept : nil, note: hasNote ? note : nil)
  }
}
