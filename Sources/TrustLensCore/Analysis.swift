/// The words that produced a tag, so a person can check it.
public struct Evidence: Sendable, Hashable, Codable {
  /// The tag this evidence supports.
  public var tag: String
  /// The matched text exactly as written.
  public var match: String
  /// 1-based index of the sentence holding the match.
  public var sentence: Int
  /// Character offsets (Unicode scalars) of the match in the analysed text, half-open.
  public var start: Int
  public var end: Int
  /// The weight this match contributed, after rules, in (0, 1].
  public var weight: Double
  /// The rules that changed the match (`negation`, `intensifier`, …); empty when none.
  public var rules: [String]

  public init(
    tag: String, match: String, sentence: Int, start: Int, end: Int, weight: Double,
    rules: [String] = []
  ) {
    self.tag = tag
    self.match = match
    self.sentence = sentence
    self.start = start
    self.end = end
    self.weight = weight
    self.rules = rules
  }
}

/// What the analyzer says of one text. A pure function of (text, lexicon).
public struct TextAnalysis: Sendable, Hashable, Codable {
  public var words: Int
  /// Overall tone in [-1, 1].
  public var valence: Double
  /// Emotions present, each with an intensity in (0, 1].
  public var emotions: [String: Double]
  /// Themes present (built-in and custom categories), each with an intensity in (0, 1].
  public var themes: [String: Double]
  public var evidence: [Evidence]

  public init(
    words: Int, valence: Double, emotions: [String: Double], themes: [String: Double],
    evidence: [Evidence]
  ) {
    self.words = words
    self.valence = valence
    self.emotions = emotions
    self.themes = themes
    self.evidence = evidence
  }

  /// Intensity of any tag, emotion or theme, in [0, 1]; 0 when absent. A name that is both
  /// (possible in analysed lines read back) counts at its stronger intensity: the same rule
  /// as ``tagIntensities`` and the timelines.
  public func intensity(of tag: String) -> Double { max(emotions[tag] ?? 0, themes[tag] ?? 0) }

  /// Every tag present with its intensity, in (0, 1]: the one emotion/theme rule every output
  /// uses. Emotions and themes name different tags; a name in both counts once, at its
  /// stronger intensity (the emotion's on a tie — the values are then equal).
  public var tagIntensities: [String: Double] { emotions.merging(themes) { max($0, $1) } }
}

/// Which kind of text an analysed record is.
public enum AnalyzedKind: String, Sendable, Codable {
  case entry
  case checkinNote = "checkin"
}

/// An analysed text with the identity of the record it came from, and what its writer or app
/// attached to it (author, their own tags), carried unchanged to the outputs.
public struct AnalyzedRecord: Sendable, Hashable, Codable {
  public var id: String
  public var subject: String
  public var date: RecordDate
  public var source: SourceLocation
  public var kind: AnalyzedKind
  public var analysis: TextAnalysis
  /// The analysed text itself; empty for a record read back from analysed lines (which do
  /// not carry it).
  public var text: String
  public var author: String?
  /// Tags the writer or the app attached (Day One tags, Daylio activities, `tags` fields),
  /// not TrustLens's own.
  public var userTags: [String]

  public init(
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
