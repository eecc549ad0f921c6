import Foundation

/// One match of a fitted feature pattern: the pattern, its context and the tokens it covers.
struct FeatureHit {
  var pattern: Int32
  var context: MatchContext
  var first: Int32
  var last: Int32
  /// Whether this occurrence adds its weights: always with `features count`, only the first
  /// occurrence of its (pattern, context) in the text with `features presence`.
  var counts: Bool
}

extension Analyzer {
  /// Finds the fitted features of a text into `workspace.hits` (text order) and scores every
  /// tag into `workspace.scores`, `positive`, `strongest` and `modelIntensity` (see
  /// ``FittedModel``).
  func scoreModel(
    tokens: UnsafeBufferPointer<Token>, stems: UnsafeBufferPointer<Int32>, sentences: [SentenceInfo], words: Int,
    workspace: inout AnalysisWorkspace
  ) {
    let model = compiled.model
    featureHits(tokens: tokens, stems: stems, sentences: sentences, into: &workspace.hits, scratch: &workspace.scratch)
    if !model.countsOccurrences { markFirstOccurrences(&workspace.hits, keys: &workspace.hitKeys) }
    let tagCount = compiled.tagNames.count
    workspace.scores.append(contentsOf: repeatElement(0, count: tagCount))
    workspace.positive.append(contentsOf: repeatElement(0, count: tagCount))
    workspace.strongest.append(contentsOf: repeatElement(0, count: tagCount))
    workspace.modelIntensity.append(contentsOf: repeatElement(0, count: tagCount))
    let length = log(1 + Double(words))
    for tag in model.scoredTags {
      workspace.scores[Int(tag)] = model.bias[Int(tag)] + model.lengthWeight[Int(tag)] * length
    }
    for hit in workspace.hits where hit.counts {
      for fold in model.folds(pattern: hit.pattern, context: hit.context) {
        let tag = Int(model.foldTags[fold]), weight = model.foldWeights[fold]
        workspace.scores[tag] += weight
        if weight > 0 {
          workspace.positive[tag] += weight
          workspace.strongest[tag] = max(workspace.strongest[tag], weight)
        }
      }
    }
    for tag in model.scoredTags {
      let score = workspace.scores[Int(tag)]
      if score >= model.thresholdScore[Int(tag)], model.triggers(strongest: workspace.strongest[Int(tag)], tag: Int(tag)) {
        workspace.modelIntensity[Int(tag)] = Analyzer.probability(score)
      }
    }
  }

  /// σ(score), the probability a score stands for.
  @inline(__always)
  static func probability(_ score: Double) -> Double { 1 / (1 + exp(-score)) }

  /// Matches feature patterns longest-first; every pattern of the longest length at a
  /// position is a hit, in the context of its span.
  func featureHits(
    tokens: UnsafeBufferPointer<Token>, stems: UnsafeBufferPointer<Int32>, sentences: [SentenceInfo],
    into hits: inout [FeatureHit], scratch: inout MatchScratch
  ) {
    let features = compiled.model.features
    var position = 0
    while position < tokens.count {
      guard features.mayStart(with: tokens[position], stems: stems) else {
        position += 1
        continue
      }
      let length = features.longest(in: tokens, stems: stems, at: position, scratch: &scratch)
      guard length > 0, !scratch.found.isEmpty else {
        position += 1
        continue
      }
      let last = position + length - 1
      let context = context(first: position, last: last, tokens: tokens, sentences: sentences)
      for f in 0..<scratch.found.count {
        hits.append(
          FeatureHit(
            pattern: features.values[Int(scratch.found[f])], context: context, first: Int32(position), last: Int32(last),
            counts: true))
      }
      position += length
    }
  }

  /// Keeps `counts` only on the first hit of each (pattern, context).
  private func markFirstOccurrences(_ hits: inout [FeatureHit], keys: inout [Int]) {
    guard hits.count > 1 else { return }
    for (index, hit) in hits.enumerated() {
      keys.append((Int(hit.pattern) * MatchContext.count + Int(hit.context.rawValue)) << 32 | index)
    }
    keys.sort()
    for i in 1..<keys.count where keys[i] >> 32 == keys[i - 1] >> 32 {
      hits[keys[i] & 0xFFFF_FFFF].counts = false
    }
  }
}
