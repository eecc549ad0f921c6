package import TrustLensCore
import Foundation

/// Everything the analyzer knows: tag patterns, valence patterns, the rule word classes and,
/// when present, a model fitted to labelled text.
///
/// Built from reviewable TSV files: the built-in ones shipped as resources, plus custom files.
/// The built-in emotions and valence come from the fitted model (`model.tsv`) when the
/// lexicon folder has one, its themes (and the patterns of ``handWrittenEmotions`` and
/// ``strongHandWrittenPatterns``) from the
/// hand-written `tags.tsv`; without a model, all from the hand-written `tags.tsv` and
/// `valence.tsv` (which the fit uses as its starting point). Custom tag files add
/// hand-weighted patterns beside the model.
/// A lexicon is a value; loading it twice from the same files gives an equal fingerprint.
package struct Lexicon: Sendable {
  /// A tag a pattern signals, with the pattern's weight in (0, 1].
  struct TagHit: Sendable {
    var tag: String
    var weight: Double
  }

  /// Tag patterns in load order (a pattern listed twice merges its tags).
  var tagEntries: [(pattern: Pattern, hits: [TagHit])] { pendingTagOrder.map { ($0, pendingTags[$0] ?? []) } }
  /// Valence patterns in load order.
  private(set) var valenceEntries: [(pattern: Pattern, score: Double)] = []
  var rules = Rules()
  /// The fitted tag and valence model, if one was loaded.
  private(set) var model: FittedModel?
  /// Every category the lexicon can produce, with its kind, in a stable order.
  package private(set) var categories: [(name: String, kind: TagKind)] = []
  /// Names of the lexicon sources, in load order (`builtin`, file paths).
  package private(set) var sources: [String] = []
  /// A digest of every loaded line; changes whenever any source changes.
  package private(set) var fingerprint: UInt64 = 0xcbf2_9ce4_8422_2325

  // Patterns gathered before indexing, so a pattern listed in two files merges.
  private var pendingTags: [Pattern: [TagHit]] = [:]
  private var pendingTagOrder: [Pattern] = []

  /// An empty lexicon (no tags, no valence, no rules).
  package init() {}

  /// The built-in lexicon, the default: the fitted model's emotions and valence with the
  /// hand-written themes, ``handWrittenEmotions`` and ``strongHandWrittenPatterns`` (see ``addBuiltin()``; ``fitted()`` is the whole model,
  /// ``handWritten()`` the hand-written files alone).
  /// - Throws: ``LexiconError`` when the resource files cannot be found or read.
  package static func builtin() throws(LexiconError) -> Lexicon {
    var lexicon = Lexicon()
    try lexicon.addBuiltin()
    return lexicon
  }

  /// The hand-written built-in lexicon alone (`rules.tsv`, `tags.tsv`, `valence.tsv`, no
  /// fitted model): the baseline the fitted model is measured against, and the reference of
  /// the hand-weighted rules that custom tag files go through.
  package static func handWritten() throws(LexiconError) -> Lexicon {
    var lexicon = Lexicon()
    try lexicon.addHandWritten()
    return lexicon
  }

  /// Adds the built-in rule file and the hand-written tag and valence files (the lexicon
  /// named `hand`).
  package mutating func addHandWritten() throws(LexiconError) {
    try addHandWrittenFiles(in: BuiltinLexicon.directory())
    sources.append("hand")
  }

  /// The built-in rules with the fitted model (`model.tsv`) for tags and valence: the
  /// lexicon named `fitted` in pipelines and `--lexicon fitted`.
  /// - Throws: ``LexiconError`` when the resource files cannot be found or read.
  package static func fitted() throws(LexiconError) -> Lexicon {
    var lexicon = Lexicon()
    try lexicon.addFitted()
    return lexicon
  }

  /// Adds only the built-in rule word classes (negators, intensifiers, …): used when custom
  /// lexicons replace the built-in tags and valence.
  package mutating func addBuiltinRules() throws(LexiconError) {
    try addBuiltinRules(in: BuiltinLexicon.directory())
  }

  /// How many tag and valence patterns are loaded.
  package var patternCounts: (tags: Int, valence: Int) { (pendingTagOrder.count, valenceEntries.count) }

  /// The emotions no shippable corpus labels — the model learns them from the project's own
  /// labelled texts alone — for which the built-in lexicon keeps the hand-written patterns of
  /// `tags.tsv` beside the model's (the larger intensity counts): without them a refit lost
  /// "I feel betrayed".
  package static let handWrittenEmotions: Set<String> = ["betrayal", "resentment", "insecurity"]

  /// Emotions the corpora label, for which the built-in lexicon also keeps the hand-written
  /// patterns of `tags.tsv` of at least this weight beside the model's (the larger intensity
  /// counts): the model reads them too rarely where a journal says them plainly ("I was
  /// furious", "I feel so guilty about it"). Chosen on dev, 2026-12-07 (README "Analyzer
  /// quality"); for anxiety, sadness, hope and safety the same patterns read worse there.
  package static let strongHandWrittenPatterns: [String: Double] = ["anger": 0.6, "guilt": 0.6]

  /// The emotions with no positive reading: the sentence holding the writer's strongest
  /// evidence of one (and each sentence of its hand-weighted matches), outside a clause
  /// conceded before `but`, never counts positive in the valence, and the emotion's valence
  /// term takes its reported intensity where hand-weighted matches gave more than the model's
  /// probability — "My best friend told my manager what I said in confidence" is a betrayal,
  /// whatever "best friend" and "confidence" score (issue #15: a betrayal sentence cannot come
  /// out positive).
  package static let negativeOnlyEmotions: Set<String> = ["betrayal"]

  /// Adds the built-in lexicon: the rule file, then — when the folder has the fitted model —
  /// the model's emotions and valence with the hand-written themes of `tags.tsv` and its
  /// patterns for ``handWrittenEmotions`` and ``strongHandWrittenPatterns`` (the model's themes are silenced, see
  /// ``FittedModel/silence(where:)``), else the hand-written `tags.tsv` and `valence.tsv`
  /// alone. README "Analyzer quality" gives the dev figures behind this blend.
  package mutating func addBuiltin() throws(LexiconError) {
    let directory = try BuiltinLexicon.directory()
    if BuiltinLexicon.exists("model.tsv", in: directory) {
      try addBuiltinRules(in: directory)
      try addModel(text: BuiltinLexicon.read("model.tsv", in: directory), file: "builtin:model.tsv") { tag in
        Taxonomy.kind(of: tag) != .emotion
      }
      try addTags(text: BuiltinLexicon.read("tags.tsv", in: directory), file: "builtin:tags.tsv") { tag, weight in
        Taxonomy.kind(of: tag) != .emotion || Lexicon.handWrittenEmotions.contains(tag)
          || weight >= Lexicon.strongHandWrittenPatterns[tag, default: .infinity]
      }
    } else {
      try addHandWrittenFiles(in: directory)
    }
    sources.append("builtin")
  }

  /// Adds the built-in rule file and the fitted model (`model.tsv`).
  package mutating func addFitted() throws(LexiconError) {
    let directory = try BuiltinLexicon.directory()
    try addBuiltinRules(in: directory)
    try addModel(text: BuiltinLexicon.read("model.tsv", in: directory), file: "builtin:model.tsv")
    sources.append("fitted")
  }

  private mutating func addBuiltinRules(in directory: String) throws(LexiconError) {
    try addRules(text: BuiltinLexicon.read("rules.tsv", in: directory), file: "builtin:rules.tsv")
  }

  private mutating func addHandWrittenFiles(in directory: String) throws(LexiconError) {
    try addBuiltinRules(in: directory)
    try addTags(text: BuiltinLexicon.read("tags.tsv", in: directory), file: "builtin:tags.tsv")
    try addValence(text: BuiltinLexicon.read("valence.tsv", in: directory), file: "builtin:valence.tsv")
  }

  /// Adds a fitted model file (see ``FittedModel``), as the fitting script does to read the
  /// features of its candidate patterns. A lexicon holds at most one model.
  /// - Throws: ``LexiconError`` naming the file and line of the first problem.
  package mutating func addModel(path: String) throws(LexiconError) {
    guard let bytes = FileBytes.read(path), let text = String(validating: bytes, as: UTF8.self) else {
      throw LexiconError(file: path, line: nil, reason: "cannot read the model (missing, unreadable or not UTF-8)")
    }
    try addModel(text: text, file: path)
    sources.append(path)
  }

  /// Whether the tags and valence come from a fitted model.
  package var isFitted: Bool { model != nil }

  /// Adds a fitted model's text; the tags `isSilenced` picks are scored (for the valence) but
  /// never reported.
  mutating func addModel(
    text: String, file: String, silencing isSilenced: (String) -> Bool = { _ in false }
  ) throws(LexiconError) {
    guard model == nil else { throw LexiconError(file: file, line: nil, reason: "a lexicon holds one fitted model") }
    var model = FittedModel()
    try Lexicon.forEachRow(text, file: file) { (columns, line) throws(LexiconError) in
      try model.add(columns, file: file, line: line)
    }
    try model.validate(file: file)
    model.silence(where: isSilenced)
    for tag in model.tags where !isSilenced(tag) { register(category: tag) }
    mix("\(file)\t\(text)")
    self.model = model
  }

  /// Adds a custom lexicon file in the project's TSV format (`pattern<TAB>tag<TAB>weight`),
  /// or in another format it recognises (see ``LexiconFormat``). Tags outside the built-in
  /// taxonomy become custom categories (themes).
  package mutating func addFile(_ path: String) throws(LexiconError) {
    // Read the bytes ourselves: Foundation's file readers leak a buffer on an empty file
    // (found by fuzzing; see LexiconTests.emptyFileIsAnEmptyLexicon).
    guard let bytes = FileBytes.read(path) else {
      throw LexiconError(file: path, line: nil, reason: "cannot read lexicon (not found or unreadable)")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw LexiconError(file: path, line: nil, reason: "lexicon is not valid UTF-8")
    }
    switch LexiconFormat.detect(path: path, text: text) {
    case .trustlens: try addTags(text: text, file: path)
    case .liwc: try addLIWC(text: text, file: path)
    case .nrc: try addNRC(text: text, file: path)
    case .vader: try addVADER(text: text, file: path)
    }
    sources.append(path)
  }

  /// Whether a tag is an emotion or a theme: the taxonomy's kind, else `theme`.
  package func kind(of tag: String) -> TagKind { Taxonomy.kind(of: tag) ?? .theme }

  // MARK: Loading

  /// Adds tag lines in the project's TSV format; with `keeping`, only the lines whose tag it
  /// picks (the others are still checked).
  mutating func addTags(
    text: String, file: String, keeping isKept: (_ tag: String, _ weight: Double) -> Bool = { _, _ in true }
  ) throws(LexiconError) {
    try Lexicon.forEachRow(text, file: file) { (columns, line) throws(LexiconError) in
      guard columns.count == 3 else {
        throw LexiconError(file: file, line: line, reason: "expected 3 columns (pattern, tag, weight), found \(columns.count)")
      }
      guard let pattern = Pattern(columns[0]) else {
        throw LexiconError(file: file, line: line, reason: "invalid pattern \"\(columns[0])\"")
      }
      let tag = Lexicon.trimmed(columns[1]).lowercased()
      guard Lexicon.isTagName(tag) else {
        throw LexiconError(file: file, line: line, reason: "invalid tag \"\(columns[1])\"")
      }
      guard let weight = Double(Lexicon.trimmed(columns[2])), weight > 0, weight <= 1 else {
        throw LexiconError(file: file, line: line, reason: "weight \"\(columns[2])\" is not a number in (0, 1]")
      }
      guard isKept(tag, weight) else { return }
      addTagPattern(pattern, tag: tag, weight: weight, line: "\(file)\t\(columns.joined(separator: "\t"))")
    }
  }

  mutating func addValence(text: String, file: String) throws(LexiconError) {
    try Lexicon.forEachRow(text, file: file) { (columns, line) throws(LexiconError) in
      guard columns.count == 2 else {
        throw LexiconError(file: file, line: line, reason: "expected 2 columns (pattern, score), found \(columns.count)")
      }
      guard let pattern = Pattern(columns[0]) else {
        throw LexiconError(file: file, line: line, reason: "invalid pattern \"\(columns[0])\"")
      }
      guard let score = Double(Lexicon.trimmed(columns[1])), (-4...4).contains(score) else {
        throw LexiconError(file: file, line: line, reason: "score \"\(columns[1])\" is not a number in [-4, 4]")
      }
      valenceEntries.append((pattern, score))
      mix("\(file)\t\(columns.joined(separator: "\t"))")
    }
  }

  mutating func addRules(text: String, file: String) throws(LexiconError) {
    var rules = self.rules
    try Lexicon.forEachRow(text, file: file) { (columns, line) throws(LexiconError) in
      try rules.add(columns, file: file, line: line)
      mix("\(file)\t\(columns.joined(separator: "\t"))")
    }
    self.rules = rules
  }

  mutating func addTagPattern(_ pattern: Pattern, tag: String, weight: Double, line: String) {
    if pendingTags[pattern] == nil { pendingTagOrder.append(pattern) }
    pendingTags[pattern, default: []].removeAll { $0.tag == tag }
    pendingTags[pattern, default: []].append(TagHit(tag: tag, weight: weight))
    register(category: tag)
    mix(line)
  }

  mutating func addValencePattern(_ pattern: Pattern, score: Double, line: String) {
    valenceEntries.append((pattern, score))
    mix(line)
  }

  private mutating func register(category: String) {
    guard !categories.contains(where: { $0.name == category }) else { return }
    categories.append((category, kind(of: category)))
    categories.sort { lhs, rhs in
      let l = Lexicon.order(lhs.name), r = Lexicon.order(rhs.name)
      return l != r ? l < r : lhs.name < rhs.name
    }
  }

  /// Contract order for built-in tags, custom categories after them.
  private static func order(_ tag: String) -> Int {
    if let index = Taxonomy.emotions.firstIndex(of: tag) { return index }
    if let index = Taxonomy.themes.firstIndex(of: tag) { return 100 + index }
    return 1000
  }

  /// FNV-1a over the loaded lines (each ended by a newline).
  mutating func mix(_ line: String) {
    fingerprint = Vocabulary.hashStep(line.utf8.reduce(fingerprint, Vocabulary.hashStep), 0x0a)
  }

  /// Calls `body` with the TAB-separated columns and 1-based line number of every line that
  /// is neither blank nor a `#` comment (see ``forEachLine(_:_:)`` for the lines).
  static func forEachRow(
    _ text: String, file: String, _ body: ([String], Int) throws(LexiconError) -> Void
  ) throws(LexiconError) {
    try forEachLine(text) { (line, number) throws(LexiconError) in
      if isBlankOrComment(line) { return }
      try body(line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(Substring($0)) }, number)
    }
  }

  /// Calls `body` with every line of `text` and its 1-based number: lines end at LF, a CR
  /// before it is dropped (CRLF files read as LF ones), and so is a byte-order mark at the start.
  /// Splits on bytes, not characters: `"\r\n"` is one Swift character, which a split on `"\n"`
  /// never finds.
  static func forEachLine(_ text: String, _ body: (Substring, Int) throws(LexiconError) -> Void) throws(LexiconError) {
    var number = 0
    for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      number += 1
      var line = Substring(bytes)
      if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
      if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
      try body(line, number)
    }
  }

  /// Whether a line holds only white space (`CharacterSet.whitespaces`) or starts, after it,
  /// with `#`. Reads bytes while they are ASCII; Foundation decides the rare rest.
  static func isBlankOrComment(_ line: Substring) -> Bool {
    for byte in line.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
      guard byte < 0x80 else {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
      }
      return byte == UInt8(ascii: "#")
    }
    return true
  }

  /// `text` without leading and trailing white space (`CharacterSet.whitespaces`): returned
  /// as it is when it starts and ends with an ASCII character that is not space or tab, which
  /// is almost every column of a lexicon file.
  static func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
      first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), last != UInt8(ascii: " "), last != UInt8(ascii: "\t")
    {
      return text
    }
    return text.trimmingCharacters(in: .whitespaces)
  }
}
