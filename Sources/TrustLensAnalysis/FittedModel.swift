/// A tag and valence model fitted to labelled text (`model.tsv`, written by
/// `scripts/fit_lexicon.py`): per tag a bias, a length weight, a threshold and per-pattern
/// weights in each ``MatchContext``; per pattern a valence score.
///
/// How the analyzer uses it, per tag t of a text of n words:
///
///     score_t = bias_t + length_t · ln(1 + n) + Σ over the text's features (pattern p, context c)
///               of  w(p, c, t) + m(c, t) · w(p, plain, t) + Σ_s flip(c, s → t) · w(p, plain, s)
///
/// (for c = plain just w(p, plain, t)); a feature counts once per text with `features
/// presence`, once per occurrence with `features count`. The tag is present when
/// σ(score_t) ≥ threshold_t and some feature adds to it — with a trigger, one feature adds at
/// least trigger_t (the fit sets one on dev for emotions no corpus labels, whose topic words
/// would otherwise sum to the tag) — and its intensity is σ(score_t).
/// Valence: the valence patterns' scores after the rules (see ``Analyzer``), plus
/// Σ_t valenceTag_t · σ(score_t), normalised as S / √(S² + valenceScale).
///
/// File lines, TAB-separated (`#` comments; one kind per line):
///
///     features     presence | count
///     bias         TAG  VALUE
///     length       TAG  VALUE
///     threshold    TAG  PROBABILITY (0, 1)
///     trigger      TAG  WEIGHT ≥ 0                     (unlisted: 0, any positive weight)
///     context      CONTEXT  TAG  MULTIPLIER          (unlisted: 1, the context changes nothing)
///     flip         CONTEXT  FROM  TO  MULTIPLIER
///     pattern      PATTERN                            (a feature without weights of its own)
///     weight       PATTERN  CONTEXT  TAG  WEIGHT
///     valence      PATTERN  SCORE [-4, 4]
///     valence-tag  TAG  COEFFICIENT
///     valence-scale  VALUE > 0
struct FittedModel: Sendable {
  struct Weight: Sendable {
    var pattern: Int
    var context: MatchContext
    var tag: String
    var value: Double
  }

  struct Flip: Sendable {
    var context: MatchContext
    var from: String
    var to: String
    var value: Double
  }

  var countsOccurrences = false
  /// Tags in the order the file names them first.
  private(set) var tags: [String] = []
  var bias: [String: Double] = [:]
  var length: [String: Double] = [:]
  var threshold: [String: Double] = [:]
  var trigger: [String: Double] = [:]
  var multipliers: [MatchContext: [String: Double]] = [:]
  var flips: [Flip] = []
  /// Feature patterns in load order, each once.
  private(set) var patterns: [Pattern] = []
  private var patternIndex: [Pattern: Int] = [:]
  var weights: [Weight] = []
  var valence: [(pattern: Pattern, score: Double)] = []
  var valenceTags: [String: Double] = [:]
  var valenceScale = 15.0

  /// The index of `pattern`, added when new.
  mutating func index(of pattern: Pattern) -> Int {
    if let index = patternIndex[pattern] { return index }
    patternIndex[pattern] = patterns.count
    patterns.append(pattern)
    return patterns.count - 1
  }

  private var tagSet: Set<String> = []

  private mutating func note(_ tag: String) {
    if tagSet.insert(tag).inserted { tags.append(tag) }
  }

  /// Reads one line's columns. - Throws: ``LexiconError`` naming `file` and `line`.
  mutating func add(_ columns: [String], file: String, line: Int) throws(LexiconError) {
    func fail(_ reason: String) -> LexiconError { LexiconError(file: file, line: line, reason: reason) }
    func need(_ count: Int) throws(LexiconError) {
      guard columns.count == count else { throw fail("\(columns[0]) takes \(count - 1) value(s), found \(columns.count - 1)") }
    }
    func number(_ text: String) throws(LexiconError) -> Double {
      guard let value = Double(text), value.isFinite else { throw fail("\"\(text)\" is not a number") }
      return value
    }
    func tag(_ text: String) throws(LexiconError) -> String {
      guard Lexicon.isTagName(text) else {
        throw fail("invalid tag \"\(text)\"")
      }
      note(text)
      return text
    }
    func context(_ text: String) throws(LexiconError) -> MatchContext {
      guard let context = MatchContext(name: text) else { throw fail("unknown context \"\(text)\"") }
      return context
    }
    func pattern(_ text: String) throws(LexiconError) -> Pattern {
      guard let pattern = Pattern(text) else { throw fail("invalid pattern \"\(text)\"") }
      return pattern
    }
    switch columns[0] {
    case "features":
      try need(2)
      guard columns[1] == "presence" || columns[1] == "count" else { throw fail("features is presence or count") }
      countsOccurrences = columns[1] == "count"
    case "bias", "length", "threshold", "trigger", "valence-tag":
      try need(3)
      let name = try tag(columns[1]), value = try number(columns[2])
      switch columns[0] {
      case "bias": bias[name] = value
      case "length": length[name] = value
      case "threshold":
        guard value > 0, value < 1 else { throw fail("threshold \(columns[2]) is not a probability in (0, 1)") }
        threshold[name] = value
      case "trigger":
        guard value >= 0 else { throw fail("trigger \(columns[2]) is negative") }
        trigger[name] = value
      default: valenceTags[name] = value
      }
    case "context":
      try need(4)
      multipliers[try context(columns[1]), default: [:]][try tag(columns[2])] = try number(columns[3])
    case "flip":
      try need(5)
      flips.append(Flip(context: try context(columns[1]), from: try tag(columns[2]), to: try tag(columns[3]), value: try number(columns[4])))
    case "pattern":
      try need(2)
      _ = index(of: try pattern(columns[1]))
    case "weight":
      try need(5)
      let index = index(of: try pattern(columns[1]))
      weights.append(Weight(pattern: index, context: try context(columns[2]), tag: try tag(columns[3]), value: try number(columns[4])))
    case "valence":
      try need(3)
      let score = try number(columns[2])
      guard (-4...4).contains(score) else { throw fail("score \(columns[2]) is not in [-4, 4]") }
      valence.append((try pattern(columns[1]), score))
    case "valence-scale":
      try need(2)
      let value = try number(columns[1])
      guard value > 0 else { throw fail("valence-scale must be positive") }
      valenceScale = value
    default:
      throw fail("unknown model line kind \"\(columns[0])\"")
    }
  }

  /// Keeps scoring the tags `isSilenced` picks but never reports them: their thresholds go,
  /// so they are never present, while their probabilities still add their valence weights
  /// (the valence stays as fitted). The built-in lexicon silences the model's themes and
  /// takes its themes from the hand-written `tags.tsv`.
  mutating func silence(where isSilenced: (String) -> Bool) {
    for tag in tags where isSilenced(tag) { threshold[tag] = nil }
  }

  /// Checks what single lines cannot: every tag with weights has a bias and a threshold.
  func validate(file: String) throws(LexiconError) {
    for tag in tags where bias[tag] == nil || threshold[tag] == nil {
      throw LexiconError(file: file, line: nil, reason: "tag \"\(tag)\" needs a bias and a threshold line")
    }
  }
}
