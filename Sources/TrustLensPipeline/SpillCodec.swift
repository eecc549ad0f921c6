import TrustLensCore

/// The frames of the records a run spills (see ``SpillWriter``).
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
    let a = record.analysis
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
    string(record.text)
    int(record.author == nil ? 0 : 1)
    string(record.author ?? "")
    int(record.userTags.count)
    for tag in record.userTags { string(tag) }
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
  mutating func analyzedRecord() -> AnalyzedRecord {
    let (id, subject, date, source) = identity()
    let kind: AnalyzedKind = int() == 0 ? .entry : .checkinNote
    let words = int(), valence = double(), emotions = tags(), themes = tags()
    var evidence: [Evidence] = []
    for _ in 0..<int() {
      let tag = string(), match = string(), sentence = int(), start = int(), end = int(), weight = double()
      var rules: [String] = []
      for _ in 0..<int() { rules.append(string()) }
      evidence.append(Evidence(tag: tag, match: match, sentence: sentence, start: start, end: end, weight: weight, rules: rules))
    }
    let text = string()
    let hasAuthor = int() == 1, author = string()
    var userTags: [String] = []
    for _ in 0..<int() { userTags.append(string()) }
    return AnalyzedRecord(
      id: id, subject: subject, date: date, source: source, kind: kind,
      analysis: TextAnalysis(words: words, valence: valence, emotions: emotions, themes: themes, evidence: evidence),
      text: text, author: hasAuthor ? author : nil, userTags: userTags)
  }

  mutating func checkIn() -> CheckIn {
    let (id, subject, date, source) = identity()
    let held = int() == 1
    let ratings = tags()
    let hasMade = int() == 1, made = double(), hasKept = int() == 1, kept = double()
    let hasNote = int() == 1, note = string()
    return CheckIn(
      id: id, subject: subject, date: date, source: source, held: held, ratings: ratings,
      commitmentsMade: hasMade ? made : nil, commitmentsKept: hasKept ? kept : nil, note: hasNote ? note : nil)
  }
}
