import Foundation
import Testing
import TestSupport
import TrustLensAnalysis
import TrustLensCore

/// A small model written by hand, so every score below can be worked out on paper.
private let smallModel = """
  # a model for the tests
  features\tpresence
  bias\tbetrayal\t-2
  length\tbetrayal\t0
  threshold\tbetrayal\t0.5
  bias\tsafety\t-1
  length\tsafety\t0
  threshold\tsafety\t0.6
  bias\tinsecurity\t-1.5
  length\tinsecurity\t0
  threshold\tinsecurity\t0.5
  context\tnegation\tbetrayal\t0
  context\tnegation\tsafety\t0
  context\tother\tbetrayal\t0.25
  flip\tnegation\tsafety\tinsecurity\t1.2
  weight\tlied\tplain\tbetrayal\t3
  weight\tfeel safe\tplain\tsafety\t2.5
  weight\tfeel safe\tirony\tsafety\t-3
  valence-tag\tbetrayal\t-2
  valence-scale\t15
  valence\tlied\t-2
  valence\tgood\t1.5

  """

private func smallAnalyzer() throws -> Analyzer {
  let folder = TestSupport.temporaryFolder()
  var lexicon = Lexicon()
  try lexicon.addBuiltinRules()
  try lexicon.addModel(path: TestSupport.write(smallModel, "model.tsv", in: folder))
  return Analyzer(lexicon: lexicon)
}

private func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

@Suite struct FittedModelTests {
  @Test func scoreIsBiasPlusFeatureWeights() throws {
    let analysis = try smallAnalyzer().analyze("He lied")
    // −2 + 3 = 1: σ(1) = 0.731 ≥ 0.5
    #expect(analysis.emotions["betrayal"] == 0.731)
    let evidence = try #require(analysis.evidence.first)
    #expect(evidence.tag == "betrayal" && evidence.match == "lied" && evidence.start == 3 && evidence.end == 7)
    #expect(evidence.weight == 0.731 && evidence.rules.isEmpty)
  }

  @Test func contextMultipliersAndFlips() throws {
    let analyzer = try smallAnalyzer()
    // Negated: betrayal × 0 → −2, absent; someone else's (an other word and a state verb
    // before the match): −2 + 0.25 · 3 = −1.25, absent. "He lied" acts on the writer: plain.
    #expect(analyzer.analyze("He never lied").emotions.isEmpty)
    #expect(analyzer.analyze("She was lied to").emotions["betrayal"] == nil)
    #expect(analyzer.analyze("She was lied to").evidence.isEmpty)
    // "I don't feel safe": safety × 0 → absent; insecurity −1.5 + 1.2 · 2.5 = 1.5 → σ 0.818.
    let negated = analyzer.analyze("I don't feel safe")
    #expect(negated.emotions == ["insecurity": 0.818])
    #expect(negated.evidence.map(\.rules) == [["negation"]])
    // Irony has a weight of its own: −1 + 2.5 · 1 (multiplier 1 by default) − 3 = −1.5.
    #expect(analyzer.analyze("Sure, I feel safe").emotions["safety"] == nil)
    // Plain: −1 + 2.5 = 1.5 → σ 0.818 ≥ 0.6.
    #expect(analyzer.analyze("I feel safe").emotions["safety"] == 0.818)
  }

  @Test func valenceAddsWordsAndTagProbabilities() throws {
    let analysis = try smallAnalyzer().analyze("He lied")
    // S = −2 + (−2 · σ(1)); valence S / √(S² + 15)
    let s = -2 + -2 * sigmoid(1)
    #expect(abs(analysis.valence - s / (s * s + 15).squareRoot()) < 0.0006)
  }

  @Test(arguments: [
    ("bias\tbetrayal\n", 1, "bias takes 2 value(s), found 1"),
    ("threshold\tbetrayal\t1.5\n", 1, "threshold 1.5 is not a probability in (0, 1)"),
    ("weight\tlied\tsideways\tbetrayal\t1\n", 1, "unknown context \"sideways\""),
    ("frobnicate\tx\n", 1, "unknown model line kind \"frobnicate\""),
    ("valence\tlied\t9\n", 1, "score 9 is not in [-4, 4]"),
    ("trigger\tbetrayal\t-1\n", 1, "trigger -1 is negative"),
  ])
  func badLinesNameTheLine(_ text: String, _ line: Int, _ reason: String) throws {
    let path = TestSupport.write(text, "model.tsv", in: TestSupport.temporaryFolder())
    var lexicon = Lexicon()
    #expect(throws: LexiconError(file: path, line: line, reason: reason)) { try lexicon.addModel(path: path) }
  }

  /// With a trigger weight, small weights that sum past the threshold do not make the tag:
  /// one feature must add at least the trigger ("months" and "house" are no resentment).
  @Test func aTriggerNeedsOneStrongFeature() throws {
    let analyzer = try triggerAnalyzer()
    // −1 + 1.5 + 1.5 = 2: σ(2) = 0.88 ≥ 0.5, but no feature adds 2.
    #expect(analyzer.analyze("The months in the house").emotions["resentment"] == nil)
    #expect(analyzer.analyze("The months in the house").evidence.isEmpty)
    // −1 + 2.5 + 1.5 = 3: σ(3) = 0.953, and "resent" adds 2.5 ≥ 2.
    #expect(analyzer.analyze("I resent the house").emotions["resentment"] == 0.953)
  }

  @Test func everyTagNeedsABiasAndAThreshold() throws {
    let path = TestSupport.write("weight\tlied\tplain\tbetrayal\t3\n", "model.tsv", in: TestSupport.temporaryFolder())
    var lexicon = Lexicon()
    #expect(throws: LexiconError(file: path, line: nil, reason: "tag \"betrayal\" needs a bias and a threshold line")) {
      try lexicon.addModel(path: path)
    }
  }
}

private func triggerAnalyzer() throws -> Analyzer {
  let model = """
    features\tpresence
    bias\tresentment\t-1
    length\tresentment\t0
    threshold\tresentment\t0.5
    trigger\tresentment\t2
    weight\tmonths\tplain\tresentment\t1.5
    weight\thouse\tplain\tresentment\t1.5
    weight\tresent\tplain\tresentment\t2.5

    """
  var lexicon = Lexicon()
  try lexicon.addBuiltinRules()
  try lexicon.addModel(path: TestSupport.write(model, "model.tsv", in: TestSupport.temporaryFolder()))
  return Analyzer(lexicon: lexicon)
}

@Suite struct ExplanationTests {
  /// A probability over the threshold that no feature carries to the trigger weight: the
  /// explanation says why the tag is absent.
  /// A probability over the threshold that only negative weights moved: no feature adds to
  /// the tag, so the model does not give it (a hand-weighted match does), and the explanation
  /// says that (not "a trigger weight of 0").
  @Test func aProbabilityWithoutPositiveFeaturesSaysSo() throws {
    let model = """
      features\tpresence
      bias\tsafety\t2
      length\tsafety\t0
      threshold\tsafety\t0.5
      weight\tcalm\tplain\tsafety\t-0.5

      """
    let folder = TestSupport.temporaryFolder()
    var lexicon = Lexicon()
    try lexicon.addBuiltinRules()
    try lexicon.addModel(path: TestSupport.write(model, "model.tsv", in: folder))
    try lexicon.addFile(TestSupport.write("calm\tsafety\t0.4\n", "hand.tsv", in: folder))
    let text = ExplanationText.render(try Analyzer(lexicon: lexicon).explain("Calm"))
    #expect(text.contains("safety (emotion) 0.40"))
    #expect(text.contains("probability 0.82 ≥ threshold 0.50, but no feature adds to it; present by its hand-weighted matches"))
  }

  @Test func aProbabilityBlockedByTheTriggerSaysSo() throws {
    let text = ExplanationText.render(try triggerAnalyzer().explain("The months in the house"))
    #expect(text.contains("no tags"))
    #expect(
      text.contains(
        "resentment: score +2.00 = bias -1.00 + length +0.00 + words +3.00; probability 0.88 ≥ threshold 0.50, but no feature reaches the trigger weight 2.00"
      ))
  }

  @Test func tagScoresAddUp() throws {
    let explanation = try smallAnalyzer().explain("He lied. I don't feel safe, and that is not good!")
    let tags = Dictionary(uniqueKeysWithValues: explanation.tags.map { ($0.tag, $0) })
    let betrayal = try #require(tags["betrayal"]?.model)
    #expect(betrayal.bias == -2 && betrayal.lengthTerm == 0 && betrayal.score == 1)
    #expect(tags["betrayal"]?.features.map(\.value) == [3])
    let insecurity = try #require(tags["insecurity"])
    #expect(insecurity.isPresent && insecurity.features.map(\.match) == ["feel safe"])
    #expect(insecurity.features.first?.rules == ["negation"])
    #expect(abs((insecurity.model?.score ?? 0) - 1.5) < 1e-9)
    #expect(tags["safety"] == nil)  // no feature pushed it up: not listed
  }

  @Test func valenceTermsAddUpToTheValence() throws {
    for analyzer in [try smallAnalyzer(), fittedAnalyzer, handAnalyzer] {
      let text = "He lied to me. I don't feel safe?! But tonight was good, really good!!"
      let explanation = analyzer.explain(text)
      let sum = explanation.valenceTerms.reduce(0) { $0 + $1.value } + explanation.valenceEmphasis.reduce(0) { $0 + $1.value }
        + explanation.valenceTags.reduce(0) { $0 + $1.value } + explanation.valenceNegativeOnly.reduce(0) { $0 + $1.value }
      #expect(abs(sum - explanation.valenceSum) < 1e-9)
      let valence = sum / (sum * sum + explanation.valenceScale).squareRoot()
      #expect(abs(valence - explanation.analysis.valence) < 0.0006)
      #expect(explanation.analysis == analyzer.analyze(text))
    }
  }

  @Test func negatedValenceWordShowsItsRule() throws {
    let explanation = try smallAnalyzer().explain("that is not good")
    let term = try #require(explanation.valenceTerms.first)
    #expect(term.match == "good" && term.base == 1.5 && term.rules == ["negation"])
    #expect(abs(term.value - 1.5 * -0.74) < 1e-9)
  }

  @Test func renderedTextShowsScoresWeightsAndRules() throws {
    let text = ExplanationText.render(try smallAnalyzer().explain("I don't feel safe"))
    #expect(text.contains("insecurity (emotion) 0.82"))
    #expect(text.contains("score +1.50 = bias -1.50 + length +0.00 + words +3.00; probability 0.82 ≥ threshold 0.50"))
    #expect(text.contains("\"feel safe\" sentence 1, characters 8–17, score +3.00, weight 0.82 [negation]"))
  }

  /// A tag that hand-weighted matches give while the model's probability stays below its
  /// threshold: the score line says so, and its features get no evidence weight (they are
  /// not in the analysis's evidence).
  @Test func handWeightedTagBelowTheModelsThresholdSaysSo() throws {
    let folder = TestSupport.temporaryFolder()
    var lexicon = Lexicon()
    try lexicon.addBuiltinRules()
    try lexicon.addModel(path: TestSupport.write(smallModel, "model.tsv", in: folder))
    try lexicon.addFile(TestSupport.write("went behind my back\tbetrayal\t0.6\n", "hand.tsv", in: folder))
    let analyzer = Analyzer(lexicon: lexicon)
    let sentence = "He went behind my back. She was lied to as well."
    let explanation = try analyzer.explain(sentence)
    let text = ExplanationText.render(explanation)
    let betrayal = try #require(explanation.tags.first { $0.tag == "betrayal" })
    let model = try #require(betrayal.model)
    #expect(model.probability < model.threshold && betrayal.intensity == 0.6)
    #expect(text.contains(" < threshold 0.50; present by its hand-weighted matches"))
    #expect(text.contains("\"lied\" sentence 2, characters 32–36, score +0.75 [other]\n"))
    #expect(!analyzer.analyze(sentence).evidence.contains { $0.match == "lied" })
  }
}

/// A sentence holding the writer's betrayal (``Lexicon/negativeOnlyEmotions``) never counts
/// positive in the valence. With the small model: "lied" gives betrayal (σ(1) = 0.73 ≥ 0.5),
/// scores −2 as a valence word, and betrayal's valence weight is −2; "good" scores +1.5.
@Suite struct NegativeOnlyValenceTests {
  @Test func aPositiveBetrayalSentenceCountsZero() throws {
    let explanation = try smallAnalyzer().explain("He lied and it was good, good, good.")
    #expect(explanation.analysis.emotions["betrayal"] != nil)
    // Words: −2 + 3 × 1.5 = +2.5, taken to 0; the betrayal term −2 × 0.73 remains.
    let cap = try #require(explanation.valenceNegativeOnly.first)
    #expect(cap.sentence == 1 && abs(cap.value + 2.5) < 1e-9)
    #expect(abs(explanation.valenceSum + 2 * (1 / (1 + exp(-1.0)))) < 1e-9)
    #expect(explanation.analysis.valence < 0)
    #expect(ExplanationText.render(explanation).contains("sentence 1 holds the writer's betrayal, which has no positive reading: it counts 0, -2.50"))
  }

  @Test func otherSentencesStillCount() throws {
    let explanation = try smallAnalyzer().explain("He lied. Tonight was good, good, good.")
    #expect(explanation.valenceNegativeOnly.isEmpty)  // the betrayal sentence is negative already
    #expect(explanation.analysis.valence > 0)  // −2 + 4.5 − 1.46
  }

  /// Conceded before `but`, in any context (here hedged), a betrayal does not decide its sentence.
  @Test func aBetrayalBeforeButDoesNotCapItsSentence() throws {
    let explanation = try smallAnalyzer().explain("Maybe he lied, but it was good, good, good.")
    #expect(explanation.analysis.emotions["betrayal"] != nil)
    #expect(explanation.valenceNegativeOnly.isEmpty && explanation.analysis.valence > 0)
  }

  @Test func aSentenceWithoutBetrayalIsUntouched() throws {
    let explanation = try smallAnalyzer().explain("It was good, good, good.")
    #expect(explanation.valenceNegativeOnly.isEmpty && explanation.analysis.valence > 0)
  }
}
