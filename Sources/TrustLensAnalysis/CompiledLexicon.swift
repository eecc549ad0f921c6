/// A lexicon compiled for matching: every word an id, patterns and rule word classes as id
/// sequences, flags per word id. Built once per analyzer; read concurrently.
struct CompiledLexicon: Sendable {
  struct Modifier: Sendable {
    var words: [Int32]
    var factor: Double
  }

  /// Modifiers of one kind indexed by their last word, so a check before a match looks only
  /// at modifiers that can end at each position.
  struct ModifierSet: Sendable {
    /// Per word id (the modifier's last word), the modifiers ending with it.
    private(set) var byLastWord: [[Modifier]] = []

    init(_ modifiers: [Modifier], words: Int = 0) {
      byLastWord = [[Modifier]](repeating: [], count: words)
      for modifier in modifiers { byLastWord[Int(modifier.words.last!)].append(modifier) }
    }

    @inline(__always)
    func ending(with id: Int32) -> [Modifier] {
      id >= 0 && Int(id) < byLastWord.count ? byLastWord[Int(id)] : []
    }
  }

  var vocabulary = Vocabulary()
  var tags = PatternTable<[Lexicon.TagHit]>()
  var valence = PatternTable<Double>()
  var redirects: [Int32: Int32] = [:]
  /// Per word id, the id it stands for (itself unless a contraction such as `dont`).
  var redirectTable: [Int32] = []
  var isNegator: [Bool] = []
  var isContrast: [Bool] = []
  var startsClause: [Bool] = []
  var intensifiers = ModifierSet([])
  var softeners = ModifierSet([])
  var hedges = ModifierSet([])
  var past = ModifierSet([])
  var resolved: [[Int32]] = []
  var flips: [String: String] = [:]
  var polarity: [String: Double] = [:]

  init(_ lexicon: Lexicon) {
    let rules = lexicon.rules
    var vocabulary = Vocabulary()
    for (pattern, hits) in lexicon.tagEntries { tags.insert(pattern.codes(&vocabulary), hits) }
    for (pattern, score) in lexicon.valenceEntries { valence.insert(pattern.codes(&vocabulary), score) }

    func ids(_ words: [String]) -> [Int32] { words.map { vocabulary.intern($0) } }
    let compiledModifiers = [rules.intensifiers, rules.softeners, rules.hedges, rules.past].map { list in
      list.map { Modifier(words: ids($0.words), factor: $0.factor) }
    }
    resolved = rules.resolved.map(ids)
    let negators = rules.negators.sorted().map { vocabulary.intern($0) }
    let contrast = rules.contrast.sorted().map { vocabulary.intern($0) }
    let clauseWords = rules.clauseWords.union(rules.contrast).sorted().map { vocabulary.intern($0) }
    for (from, to) in rules.contractions.sorted(by: { $0.key < $1.key }) {
      redirects[vocabulary.intern(from)] = vocabulary.intern(to)
    }
    let count = Int(vocabulary.count)
    intensifiers = ModifierSet(compiledModifiers[0], words: count)
    softeners = ModifierSet(compiledModifiers[1], words: count)
    hedges = ModifierSet(compiledModifiers[2], words: count)
    past = ModifierSet(compiledModifiers[3], words: count)
    isNegator = [Bool](repeating: false, count: count)
    isContrast = [Bool](repeating: false, count: count)
    startsClause = [Bool](repeating: false, count: count)
    for id in negators { isNegator[Int(id)] = true }
    for id in contrast { isContrast[Int(id)] = true }
    for id in clauseWords { startsClause[Int(id)] = true }
    flips = rules.flips
    polarity = rules.polarity
    vocabulary.seal()
    tags.seal(words: count, stems: Int(vocabulary.stemCount))
    valence.seal(words: count, stems: Int(vocabulary.stemCount))
    redirectTable = (0..<Int32(count)).map { redirects[$0] ?? $0 }
    self.vocabulary = vocabulary
  }

  @inline(__always)
  func negates(_ token: Token) -> Bool { token.id >= 0 && Int(token.id) < isNegator.count && isNegator[Int(token.id)] }

  @inline(__always)
  func contrasts(_ token: Token) -> Bool { token.id >= 0 && Int(token.id) < isContrast.count && isContrast[Int(token.id)] }
}
