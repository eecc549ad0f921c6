import Foundation

/// A ``FittedModel`` compiled for the analyzer: feature patterns in a trie, and per feature
/// (pattern × context) the weights it adds to each tag with the context's multipliers and
/// flips already folded in, so a match costs one table read per tag it moves.
struct CompiledModel: Sendable {
  /// Feature patterns; a pattern's value is its index in the model file.
  var features = PatternTable<Int32>()
  var patternCount = 0
  var countsOccurrences = false
  /// Feature `k = pattern × MatchContext.count + context` adds `foldWeights[i]` to tag
  /// `foldTags[i]` for `i` in `foldStart[k]..<foldStart[k + 1]`.
  private(set) var foldStart: [Int32] = [0]
  private(set) var foldTags: [Int32] = []
  private(set) var foldWeights: [Double] = []
  /// The tag ids the model scores, in the file's order.
  private(set) var scoredTags: [Int32] = []
  /// Per tag id (0 for tags the model does not score).
  private(set) var bias: [Double] = []
  private(set) var lengthWeight: [Double] = []
  /// The score a tag needs, logit(threshold); +∞ for tags the model does not score.
  private(set) var thresholdScore: [Double] = []
  /// The weight one of a tag's features must add for the tag to be present (0: any positive).
  private(set) var triggerWeight: [Double] = []
  private(set) var valenceWeight: [Double] = []
  var valenceScale = 15.0

  var isEmpty: Bool { scoredTags.isEmpty }

  init() {}

  init(_ model: FittedModel, vocabulary: inout Vocabulary, tagId: (String) -> Int32) {
    countsOccurrences = model.countsOccurrences
    patternCount = model.patterns.count
    valenceScale = model.valenceScale
    for (index, pattern) in model.patterns.enumerated() { features.insert(pattern.codes(&vocabulary), Int32(index)) }
    scoredTags = model.tags.map(tagId)
    var ids: [String: Int32] = [:]
    for tag in model.tags { ids[tag] = tagId(tag) }
    pending = (
      bias: model.bias.map { (ids[$0.key]!, $0.value) }, length: model.length.map { (ids[$0.key]!, $0.value) },
      threshold: model.threshold.map { (ids[$0.key]!, $0.value) }, trigger: model.trigger.map { (ids[$0.key]!, $0.value) },
      valence: model.valenceTags.map { (ids[$0.key]!, $0.value) })

    // Plain and per-context weights of each pattern, then folded per context.
    let contexts = MatchContext.count, plain = Int(MatchContext.plain.rawValue)
    var own = [[Int32: Double]](repeating: [:], count: patternCount * contexts)
    for weight in model.weights {
      own[weight.pattern * contexts + Int(weight.context.rawValue)][ids[weight.tag]!, default: 0] += weight.value
    }
    var multipliers = [[Int32: Double]](repeating: [:], count: contexts)
    for (context, byTag) in model.multipliers {
      for (tag, value) in byTag { multipliers[Int(context.rawValue)][ids[tag]!] = value }
    }
    var flips = [[(from: Int32, to: Int32, value: Double)]](repeating: [], count: contexts)
    for flip in model.flips { flips[Int(flip.context.rawValue)].append((ids[flip.from]!, ids[flip.to]!, flip.value)) }
    for pattern in 0..<patternCount {
      let plainWeights = own[pattern * contexts + plain]
      for context in 0..<contexts {
        var folded = own[pattern * contexts + context]
        if context != plain {
          for (tag, weight) in plainWeights { folded[tag, default: 0] += (multipliers[context][tag] ?? 1) * weight }
          for flip in flips[context] {
            if let weight = plainWeights[flip.from] { folded[flip.to, default: 0] += flip.value * weight }
          }
        }
        for (tag, weight) in folded.sorted(by: { $0.key < $1.key }) where weight != 0 {
          foldTags.append(tag)
          foldWeights.append(weight)
        }
        foldStart.append(Int32(foldTags.count))
      }
    }
  }

  /// Per-tag values waiting for the final number of tags (custom files may add tags).
  private var pending:
    (
      bias: [(Int32, Double)], length: [(Int32, Double)], threshold: [(Int32, Double)], trigger: [(Int32, Double)],
      valence: [(Int32, Double)]
    ) = ([], [], [], [], [])

  /// Makes the per-tag tables `count` long.
  mutating func sizeTagTables(_ count: Int) {
    bias = [Double](repeating: 0, count: count)
    lengthWeight = bias
    valenceWeight = bias
    thresholdScore = [Double](repeating: .infinity, count: count)
    triggerWeight = bias
    for (tag, value) in pending.bias { bias[Int(tag)] = value }
    for (tag, value) in pending.length { lengthWeight[Int(tag)] = value }
    for (tag, value) in pending.valence { valenceWeight[Int(tag)] = value }
    for (tag, value) in pending.threshold { thresholdScore[Int(tag)] = log(value / (1 - value)) }
    for (tag, value) in pending.trigger { triggerWeight[Int(tag)] = value }
    pending = ([], [], [], [], [])
  }

  /// Whether a text whose largest positive feature weight for `tag` is `strongest` may have
  /// the tag: some feature adds to it, at least the tag's trigger weight.
  @inline(__always)
  func triggers(strongest: Double, tag: Int) -> Bool { strongest > 0 && strongest >= triggerWeight[tag] }

  /// The range of feature `(pattern, context)` in ``foldTags`` / ``foldWeights``.
  @inline(__always)
  func folds(pattern: Int32, context: MatchContext) -> Range<Int> {
    let key = Int(pattern) * MatchContext.count + Int(context.rawValue)
    return Int(foldStart[key])..<Int(foldStart[key + 1])
  }
}
