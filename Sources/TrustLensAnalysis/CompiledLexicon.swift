import TrustLensCore

/// A lexicon compiled for matching: every word an id, every tag an id, patterns and rule word
/// classes as id sequences in flat arrays. Built once per analyzer; read concurrently.
///
/// Matching touches only integers and arrays of them (no strings), so the hot path neither
/// hashes nor retains; tag names are looked up when evidence is written.
struct CompiledLexicon: Sendable {
  /// The rule word classes a word can belong to, as bits of ``wordClasses``.
  struct WordClass: OptionSet, Sendable {
    let rawValue: UInt16
    static let negator = WordClass(rawValue: 1 << 0)
    static let contrast = WordClass(rawValue: 1 << 1)
    /// The last word of some rule modifier (which kinds, ``Analyzer/markModifierEnds(_:)``
    /// finds per token).
    static let endsModifier = WordClass(rawValue: 1 << 2)
    static let startsResolved = WordClass(rawValue: 1 << 3)
    static let startsClause = WordClass(rawValue: 1 << 4)
    static let afterNegator = WordClass(rawValue: 1 << 5)
    static let selfWord = WordClass(rawValue: 1 << 6)
    static let otherWord = WordClass(rawValue: 1 << 7)
    static let startsIrony = WordClass(rawValue: 1 << 8)
    static let stateVerb = WordClass(rawValue: 1 << 9)
    static let feelingVerb = WordClass(rawValue: 1 << 10)
    static let adverb = WordClass(rawValue: 1 << 11)
    static let thirdPersonFeelingVerb = WordClass(rawValue: 1 << 12)
    static let startsShared = WordClass(rawValue: 1 << 13)
    static let causedFeelingVerb = WordClass(rawValue: 1 << 14)
  }

  /// The kinds of rule modifier, as the bits of ``Token/modifierEnds``.
  struct ModifierKinds: OptionSet, Sendable {
    let rawValue: UInt8
    static let intensifier = ModifierKinds(rawValue: 1 << 0)
    static let softener = ModifierKinds(rawValue: 1 << 1)
    static let hedge = ModifierKinds(rawValue: 1 << 2)
    static let past = ModifierKinds(rawValue: 1 << 3)
    static let doubt = ModifierKinds(rawValue: 1 << 4)

    /// How many words before a match a modifier of this kind may end (one kind): two for
    /// intensifiers, softeners and hedges, four for past markers, eight for doubt words.
    var window: Int {
      switch self {
      case .past: 4
      case .doubt: 8
      default: 2
      }
    }

    /// The widest ``window``.
    static let widestWindow = 8

    /// Per distance (1…``widestWindow`` words before a match), the kinds that reach it.
    static let reaching: [ModifierKinds] = (0...widestWindow).map { distance in
      ModifierKinds([.intensifier, .softener, .hedge, .past, .doubt].filter { distance >= 1 && distance <= $0.window })
    }
  }

  /// Modifiers of one kind (intensifiers, softeners, …), chained by their last word, so a
  /// check before a match looks only at modifiers that can end at each position.
  struct ModifierSet: Sendable {
    /// The bit a token gets when a modifier of this set ends at it.
    let kind: ModifierKinds
    /// Per word id, the first modifier ending with it, or -1; `next` continues the chain in
    /// load order.
    private(set) var firstByLastWord: [Int32] = []
    private(set) var next: [Int32] = []
    /// Modifier `m` is `words[wordStart[m]..<wordStart[m + 1]]`.
    private(set) var wordStart: [Int32] = [0]
    private(set) var words: [Int32] = []
    private(set) var factors: [Double] = []

    init(_ modifiers: [(words: [Int32], factor: Double)], words count: Int, kind: ModifierKinds) {
      self.kind = kind
      firstByLastWord = [Int32](repeating: -1, count: count)
      var lastInChain = [Int32](repeating: -1, count: count)
      for (index, modifier) in modifiers.enumerated() {
        let last = Int(modifier.words.last!)
        words.append(contentsOf: modifier.words)
        wordStart.append(Int32(words.count))
        factors.append(modifier.factor)
        next.append(-1)
        if lastInChain[last] < 0 { firstByLastWord[last] = Int32(index) } else { next[Int(lastInChain[last])] = Int32(index) }
        lastInChain[last] = Int32(index)
      }
    }

    /// The factor of the first modifier (in load order) whose words end at token `end`, all
    /// in that token's clause, or nil.
    func factor(endingAt end: Int, tokens: UnsafeBufferPointer<Token>) -> Double? {
      let token = tokens[end]
      guard token.id >= 0 else { return nil }
      var candidate = firstByLastWord[Int(token.id)]
      while candidate >= 0 {
        let firstWord = Int(wordStart[Int(candidate)]), length = Int(wordStart[Int(candidate) + 1]) - firstWord
        let start = end - length + 1
        if start >= 0, tokens[start].clause == token.clause,
          (0..<length).allSatisfy({ tokens[start + $0].id == words[firstWord + $0] })
        {
          return factors[Int(candidate)]
        }
        candidate = next[Int(candidate)]
      }
      return nil
    }
  }

  var vocabulary = Vocabulary()
  /// Tag patterns; a pattern's value is its range in `hitTags`/`hitWeights`.
  var tags = PatternTable<Range<Int32>>()
  var valence = PatternTable<Double>()
  /// The tags of every tag pattern, flat.
  var hitTags: [Int32] = []
  var hitWeights: [Double] = []
  /// Per tag id: its name, whether it is an emotion, whether it is one of
  /// ``Lexicon/negativeOnlyEmotions``, the tag a negation turns it into (or -1) and its
  /// polarity for valence (0 when none).
  var tagNames: [String] = []
  var tagIsEmotion: [Bool] = []
  var tagIsNegativeOnly: [Bool] = []
  var tagFlips: [Int32] = []
  var tagPolarity: [Double] = []
  /// Per word id, the id it stands for (itself unless a contraction such as `dont`).
  var redirectTable: [Int32] = []
  /// Per word id, its rule word classes.
  var wordClasses: [WordClass] = []
  var intensifiers = ModifierSet([], words: 0, kind: .intensifier)
  var softeners = ModifierSet([], words: 0, kind: .softener)
  var hedges = ModifierSet([], words: 0, kind: .hedge)
  var doubts = ModifierSet([], words: 0, kind: .doubt)
  var past = ModifierSet([], words: 0, kind: .past)
  var resolved: [[Int32]] = []
  var irony: [[Int32]] = []
  /// Words after someone else's feeling verb that make it the writer's too (`so do i`).
  var shared: [[Int32]] = []
  /// The fitted model, compiled (empty without one).
  var model = CompiledModel()

  init(_ lexicon: Lexicon) {
    let rules = lexicon.rules
    var vocabulary = Vocabulary()
    var tagIds: [String: Int32] = [:]
    var tagNames: [String] = []
    func tagId(_ name: String) -> Int32 {
      if let id = tagIds[name] { return id }
      let id = Int32(tagNames.count)
      tagIds[name] = id
      tagNames.append(name)
      return id
    }
    for (pattern, hits) in lexicon.tagEntries {
      let start = Int32(hitTags.count)
      for hit in hits {
        hitTags.append(tagId(hit.tag))
        hitWeights.append(hit.weight)
      }
      tags.insert(pattern.codes(&vocabulary), start..<Int32(hitTags.count))
    }
    if let fitted = lexicon.model {
      model = CompiledModel(fitted, vocabulary: &vocabulary, tagId: tagId)
      for (pattern, score) in fitted.valence { valence.insert(pattern.codes(&vocabulary), score) }
    }
    for (pattern, score) in lexicon.valenceEntries { valence.insert(pattern.codes(&vocabulary), score) }
    let flipPairs = rules.flips.sorted { $0.key < $1.key }.map { (tagId($0.key), tagId($0.value)) }
    let polarityPairs = rules.polarity.sorted { $0.key < $1.key }.map { (tagId($0.key), $0.value) }
    self.tagNames = tagNames
    tagIsEmotion = tagNames.map { lexicon.kind(of: $0) == .emotion }
    tagIsNegativeOnly = tagNames.map { Lexicon.negativeOnlyEmotions.contains($0) }
    tagFlips = [Int32](repeating: -1, count: tagNames.count)
    for (from, to) in flipPairs { tagFlips[Int(from)] = to }
    // With a fitted model the valence is the model's, fitted through these rules: tags carry
    // their tone by their valence weights, so hand-weighted matches add no polarity of their own.
    tagPolarity = [Double](repeating: 0, count: tagNames.count)
    if lexicon.model == nil {
      for (tag, value) in polarityPairs { tagPolarity[Int(tag)] = value }
    }

    func ids(_ words: [String]) -> [Int32] { words.map { vocabulary.intern($0) } }
    let modifierLists = [rules.intensifiers, rules.softeners, rules.hedges, rules.past, rules.doubts].map { list in
      list.map { (words: ids($0.words), factor: $0.factor) }
    }
    resolved = rules.resolved.map(ids)
    irony = rules.irony.map(ids)
    let afterNegators = rules.afterNegators.sorted().map { vocabulary.intern($0) }
    let selfWords = rules.selfWords.sorted().map { vocabulary.intern($0) }
    let otherWords = rules.otherWords.sorted().map { vocabulary.intern($0) }
    let stateVerbs = rules.stateVerbs.sorted().map { vocabulary.intern($0) }
    let feelingVerbs = rules.feelingVerbs.sorted().map { vocabulary.intern($0) }
    let adverbs = rules.adverbs.sorted().map { vocabulary.intern($0) }
    let thirdPersonFeelingVerbs = rules.thirdPersonFeelingVerbs.sorted().map { vocabulary.intern($0) }
    let causedFeelingVerbs = rules.causedFeelingVerbs.sorted().map { vocabulary.intern($0) }
    shared = rules.shared.map(ids)
    let negators = rules.negators.sorted().map { vocabulary.intern($0) }
    let contrast = rules.contrast.sorted().map { vocabulary.intern($0) }
    let clauseWords = rules.clauseWords.union(rules.contrast).sorted().map { vocabulary.intern($0) }
    var redirects: [Int32: Int32] = [:]
    for (from, to) in rules.contractions.sorted(by: { $0.key < $1.key }) {
      redirects[vocabulary.intern(from)] = vocabulary.intern(to)
    }
    let count = Int(vocabulary.count)
    intensifiers = ModifierSet(modifierLists[0], words: count, kind: .intensifier)
    softeners = ModifierSet(modifierLists[1], words: count, kind: .softener)
    hedges = ModifierSet(modifierLists[2], words: count, kind: .hedge)
    past = ModifierSet(modifierLists[3], words: count, kind: .past)
    doubts = ModifierSet(modifierLists[4], words: count, kind: .doubt)
    wordClasses = [WordClass](repeating: [], count: count)
    for id in afterNegators { wordClasses[Int(id)].insert(.afterNegator) }
    for id in selfWords { wordClasses[Int(id)].insert(.selfWord) }
    for id in otherWords { wordClasses[Int(id)].insert(.otherWord) }
    for id in stateVerbs { wordClasses[Int(id)].insert(.stateVerb) }
    for id in feelingVerbs { wordClasses[Int(id)].insert(.feelingVerb) }
    for id in adverbs { wordClasses[Int(id)].insert(.adverb) }
    for id in thirdPersonFeelingVerbs { wordClasses[Int(id)].insert(.thirdPersonFeelingVerb) }
    for id in causedFeelingVerbs { wordClasses[Int(id)].insert([.feelingVerb, .causedFeelingVerb]) }
    for words in shared { wordClasses[Int(words[0])].insert(.startsShared) }
    for words in irony { wordClasses[Int(words[0])].insert(.startsIrony) }
    for id in negators { wordClasses[Int(id)].insert(.negator) }
    for id in contrast { wordClasses[Int(id)].insert(.contrast) }
    for id in clauseWords { wordClasses[Int(id)].insert(.startsClause) }
    for words in resolved { wordClasses[Int(words[0])].insert(.startsResolved) }
    for modifier in modifierLists.joined() { wordClasses[Int(modifier.words.last!)].insert(.endsModifier) }
    vocabulary.seal()
    tags.seal(words: count, stems: Int(vocabulary.stemCount))
    model.features.seal(words: count, stems: Int(vocabulary.stemCount))
    model.sizeTagTables(tagNames.count)
    valence.seal(words: count, stems: Int(vocabulary.stemCount))
    redirectTable = (0..<Int32(count)).map { redirects[$0] ?? $0 }
    self.vocabulary = vocabulary
  }

  /// The rule word classes of a word id (none for unknown words).
  @inline(__always)
  func classes(of id: Int32) -> WordClass { id >= 0 ? wordClasses[Int(id)] : [] }
}
