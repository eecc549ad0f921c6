import Foundation
import TrustLensCore

extension Analyzer {
  /// Analyses `text` and says why: each tag's score with every feature that moved it, and the
  /// valence with every word that moved it, after the rules (see ``Explanation``).
  ///
  /// Costs a little more than ``analyze(_:)`` (it keeps every term); the analysis inside is
  /// exactly what ``analyze(_:)`` returns.
  package func explain(_ text: String) -> Explanation {
    var text = text
    var workspace = AnalysisWorkspace()
    var recorder = ExplainRecorder()
    return text.withUTF8 { bytes in
      let analysis = analyze(utf8: bytes, workspace: &workspace, recorder: &recorder)
      let tokens = workspace.tokenized.tokens, sentences = workspace.tokenized.sentences
      func contribution(_ first: Int, _ last: Int, rules: [String], value: Double, base: Double? = nil) -> Explanation.Contribution {
        let a = tokens[first], b = tokens[last]
        let match = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(a.byteStart)..<Int(b.byteEnd)]), as: UTF8.self)
        return Explanation.Contribution(
          match: match, sentence: Int(a.sentence) + 1, start: Int(a.start), end: Int(b.end), rules: rules, value: value, base: base)
      }

      let tagCount = compiled.tagNames.count
      var features = [[Explanation.Contribution]](repeating: [], count: tagCount)
      var hand = [[Explanation.Contribution]](repeating: [], count: tagCount)
      let model = compiled.model
      // A tag the model scores but never reports (the built-in lexicon's themes) is explained by
      // its hand-weighted matches alone; its probability shows among the valence terms.
      var scored = [Bool](repeating: false, count: tagCount)
      for tag in model.scoredTags where model.thresholdScore[Int(tag)].isFinite { scored[Int(tag)] = true }
      for hit in workspace.hits where hit.counts {
        for fold in model.folds(pattern: hit.pattern, context: hit.context) where scored[Int(model.foldTags[fold])] {
          features[Int(model.foldTags[fold])].append(
            contribution(Int(hit.first), Int(hit.last), rules: contextNames[Int(hit.context.rawValue)], value: model.foldWeights[fold]))
        }
      }
      for match in workspace.matches {
        hand[Int(match.tag)].append(
          contribution(Int(match.first), Int(match.last), rules: ruleNames[Int(match.rules.rawValue)], value: match.weight))
      }
      let length = log(1 + Double(analysis.words))
      var present: [Explanation.Tag] = [], pushed: [Explanation.Tag] = []
      for tag in 0..<tagCount {
        let name = compiled.tagNames[tag]
        let intensity = analysis.intensity(of: name)
        var score: Explanation.ModelScore?
        if scored[tag] {
          let value = workspace.scores[tag]
          score = Explanation.ModelScore(
            bias: model.bias[tag], lengthTerm: model.lengthWeight[tag] * length, score: value,
            probability: Analyzer.probability(value), threshold: Analyzer.probability(model.thresholdScore[tag]),
            trigger: model.triggerWeight[tag], gives: workspace.modelIntensity[tag] > 0)
        }
        let entry = Explanation.Tag(
          tag: name, kind: lexicon.kind(of: name), intensity: intensity, model: score, features: features[tag], handMatches: hand[tag])
        if intensity > 0 {
          present.append(entry)
        } else if features[tag].contains(where: { $0.value > 0 }) {
          pushed.append(entry)
        }
      }

      var terms: [Explanation.Contribution] = []
      for word in recorder.words {
        let question = sentences[Int(tokens[word.first].sentence)].isQuestion
        let value = word.base * word.factor * (question ? 0.5 : 1)
        terms.append(contribution(word.first, word.last, rules: word.rules.names + (question ? ["question"] : []), value: value, base: word.base))
      }
      for (match, score) in recorder.tagMatches {
        let question = sentences[Int(tokens[Int(match.first)].sentence)].isQuestion
        terms.append(
          contribution(
            Int(match.first), Int(match.last), rules: ["\(compiled.tagNames[Int(match.tag)]) match"] + (question ? ["question"] : []),
            value: score * (question ? 0.5 : 1)))
      }
      terms.sort { ($0.start, $0.end) < ($1.start, $1.end) }
      let tagTerms = recorder.tags.map {
        Explanation.TagTerm(
          tag: compiled.tagNames[Int($0.tag)], probability: $0.probability, reported: $0.reported,
          weight: model.valenceWeight[Int($0.tag)], value: $0.score)
      }
      return Explanation(
        analysis: analysis, tags: present + pushed, valenceTerms: terms,
        valenceEmphasis: recorder.emphasis.map { Explanation.SentenceTerm(sentence: $0.sentence + 1, value: $0.score) },
        valenceNegativeOnly: recorder.negativeOnly.map { Explanation.SentenceTerm(sentence: $0.sentence + 1, value: $0.score) },
        valenceTags: tagTerms, valenceSum: recorder.total, valenceScale: model.isEmpty ? 15 : model.valenceScale)
    }
  }
}

/// Keeps every valence term ``Analyzer/explain(_:)`` shows.
private struct ExplainRecorder: ValenceRecorder {
  static var records: Bool { true }
  var words: [(first: Int, last: Int, base: Double, factor: Double, rules: ValenceRules)] = []
  var tagMatches: [(match: TagMatch, score: Double)] = []
  var emphasis: [(sentence: Int, score: Double)] = []
  var tags: [(tag: Int32, probability: Double, reported: Double?, score: Double)] = []
  var negativeOnly: [(sentence: Int, score: Double)] = []
  /// S, the sum before normalisation.
  var total = 0.0

  mutating func word(pattern: Int32, first: Int, last: Int, base: Double, factor: Double, rules: ValenceRules) {
    words.append((first, last, base, factor, rules))
  }
  mutating func tagMatch(_ match: TagMatch, score: Double) { tagMatches.append((match, score)) }
  mutating func exclamation(sentence: Int, score: Double) { emphasis.append((sentence, score)) }
  mutating func sentence(_ index: Int, sum: Double, score: Double, question: Bool) { total += score }
  mutating func negativeOnly(sentence: Int, score: Double) { negativeOnly.append((sentence, score)) }
  mutating func tag(_ tag: Int32, probability: Double, reported: Double?, score: Double) {
    tags.append((tag, probability, reported, score))
    total += score
  }
}
