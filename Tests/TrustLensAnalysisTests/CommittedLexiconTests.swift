import Foundation
import Testing
import TestSupport
import TrustLensAnalysis
import TrustLensCore

/// One text of `Fixtures/committed-sample.tsv` and the tags the committed lexicon gave it when
/// the file was recorded (`text<TAB>tag,tag…`; an empty second column means no tags).
struct RecordedText: Sendable, CustomTestStringConvertible {
  var line: Int
  var text: String
  var tags: Set<String>
  var testDescription: String { "line \(line)" }
}

private let recorded: [RecordedText] = {
  let url = TestSupport.repositoryRoot.appendingPathComponent("Tests/TrustLensAnalysisTests/Fixtures/committed-sample.tsv")
  guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
  return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
    guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
    let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
    let tags = columns.count > 1 ? columns[1].split(separator: ",").map(String.init) : []
    return RecordedText(line: index + 1, text: String(columns[0]), tags: Set(tags))
  }
}()

private func present(_ text: String, _ analyzer: Analyzer = builtinAnalyzer) -> Set<String> {
  let analysis = analyzer.analyze(text)
  return Set(analysis.emotions.keys).union(analysis.themes.keys)
}

/// The committed model (`model.tsv`, whole: `--lexicon fitted`) against tags recorded from it:
/// CI does not refit, so a change to the lexicon files or the engine that moves any of these
/// tags shows here. Re-record the fixture only on purpose, after a refit.
@Suite struct CommittedLexiconTests {
  @Test func fixtureIsThere() {
    #expect(recorded.count >= 20)
  }

  @Test(arguments: recorded)
  func sampleKeepsItsRecordedTags(_ item: RecordedText) {
    #expect(present(item.text, fittedAnalyzer) == item.tags, "\(item.text)")
  }

  /// The default lexicon takes the model's emotions and valence as they are; only the
  /// emotions no shippable corpus labels, and anger and guilt by their strong patterns, may
  /// also come from hand-written patterns (never lower than the model's), and where those
  /// match a negative-only emotion (betrayal) the valence counts them (their sentences at most
  /// 0, their intensity) and can only be lower.
  @Test(arguments: recorded)
  func builtinEmotionsAndValenceAreTheModels(_ item: RecordedText) {
    let builtin = builtinAnalyzer.analyze(item.text), fitted = fittedAnalyzer.analyze(item.text)
    let blended = Lexicon.handWrittenEmotions.union(Lexicon.strongHandWrittenPatterns.keys)
    let modelOnly = { (emotions: [String: Double]) in emotions.filter { !blended.contains($0.key) } }
    #expect(modelOnly(builtin.emotions) == modelOnly(fitted.emotions), "\(item.text)")
    for (tag, intensity) in fitted.emotions where blended.contains(tag) {
      #expect((builtin.emotions[tag] ?? 0) >= intensity, "\(item.text): \(tag)")
    }
    let handMatched = builtinAnalyzer.explain(item.text).tags.contains {
      Lexicon.negativeOnlyEmotions.contains($0.tag) && !$0.handMatches.isEmpty
    }
    if handMatched {
      #expect(builtin.valence <= fitted.valence, "\(item.text)")
    } else {
      #expect(builtin.valence == fitted.valence, "\(item.text)")
    }
  }

  @Test func builtinThemesAreHandWritten() throws {
    let text = "I feel safe with him again. He admitted what he did."
    let explanation = builtinAnalyzer.explain(text)
    // Emotions have model scores; themes come from hand-weighted matches, with no model score.
    #expect(explanation.tags.contains { $0.kind == .emotion && $0.model != nil })
    let themes = explanation.tags.filter { $0.kind == .theme }
    #expect(!themes.isEmpty)
    #expect(themes.allSatisfy { $0.model == nil && !$0.handMatches.isEmpty })
    // Not always the hand-written lexicon's themes: without its emotion phrases ("feel safe"),
    // a theme phrase may win a span they took ("safe with him again": progress).
    #expect(builtinAnalyzer.analyze(text).themes["acknowledgment"] != nil)
    #expect(handAnalyzer.explain(text).tags.allSatisfy { $0.model == nil })
  }
}

/// The failure cases issue #15 names, as examples of what the default lexicon must read
/// right: judged by meaning (scripts/QUALITY.md), not recorded from the engine.
@Suite struct IssueFailureCaseTests {
  /// Doubt about trust is insecurity, never safety.
  @Test(arguments: [
    "I'm not sure I can ever trust him again.",
    "I keep asking myself whether I can trust her.",
    "I trust him less than ever.",
  ])
  func doubtIsNotSafety(_ text: String) {
    #expect(!present(text).contains("safety"))
  }

  /// Sarcasm: "sure, I totally trust him" says the opposite of safety.
  @Test func sarcasmIsNotSafety() {
    #expect(!present("Sure, I totally trust him.").contains("safety"))
  }

  /// Someone else's feeling is not the writer's.
  @Test(arguments: [
    ("He looks nervous whenever his phone buzzes.", "anxiety"),
    ("She was so angry at the neighbours.", "anger"),
    ("He only did it to make her feel hurt.", "sadness"),
    ("My sister feels so betrayed by her husband.", "betrayal"),
    ("He is jealous of my friends.", "insecurity"),
    ("She's bitter about the divorce.", "resentment"),
    // A feeling verb right after the other person (rules.tsv `feeling`), an adverb between or not.
    ("He resents his father.", "resentment"),
    ("She still hates me.", "anger"),
    ("My husband really resents me for it.", "resentment"),
    // Up to two adverbs or auxiliaries between them.
    ("He has always resented his father.", "resentment"),
    ("She would never trust me with the kids.", "safety"),
    // A feeling verb in the third person (rules.tsv `feels`): a name or any other subject.
    ("Marcus still resents the way I handled the move.", "resentment"),
    ("My mother-in-law resents that we moved away.", "resentment"),
    ("Apparently Priya hates it when I check in on her.", "anger"),
    // A verb that may also name a cause (rules.tsv `caused`), without the writer as its object.
    ("Mom worries about money.", "anxiety"),
  ])
  func someoneElsesFeelingIsNotTheWriters(_ text: String, _ tag: String) {
    // The fit holds emotions at 0 in the `other` context (fit_lexicon.py GUIDELINE_CONTEXTS), and
    // the hand-weighted matches of betrayal, resentment and insecurity drop there.
    #expect(!present(text).contains(tag))
    #expect(!present(text, handAnalyzer).contains(tag))
  }

  /// What worries the writer is the writer's worry, whoever else the sentence names (feeling verbs
  /// as state verbs once broke both).
  @Test(arguments: ["His drinking worries me.", "He knows my fears.", "He worries me.", "She worried me sick last night."])
  func theWritersWorryNamedWithSomeoneElse(_ text: String) {
    #expect(present(text).contains("anxiety"))
  }

  /// Someone else's feeling the writer shares later in the sentence (rules.tsv `shared`).
  @Test(arguments: ["They dread the holidays and so do I.", "Mom worries about money and now I do too."])
  func aSharedFeelingIsTheWritersToo(_ text: String) {
    #expect(present(text).contains("anxiety"))
    #expect(present(text, handAnalyzer).contains("anxiety"))
  }

  /// Anger and guilt said plainly count through their strong hand-written patterns beside the
  /// model (`Lexicon.strongHandWrittenPatterns`), which alone reads some of them too weakly.
  @Test(arguments: [("I regret every word.", "guilt"), ("He makes me so mad.", "anger"), ("I'm ashamed of how I treated him.", "guilt")])
  func plainAngerAndGuiltCount(_ text: String, _ tag: String) {
    let analysis = builtinAnalyzer.analyze(text)
    #expect((analysis.emotions[tag] ?? 0) >= 0.8, "\(text) → \(analysis.emotions)")
  }

  /// The writer's own feeling verb stays the writer's, an adverb before it or not.
  @Test(arguments: ["I resent him for it.", "I still resent him."])
  func theWritersFeelingVerbIsTheWriters(_ text: String) {
    #expect(present(text).contains("resentment"))
    #expect(present(text, handAnalyzer).contains("resentment"))
  }

  /// The other person acting on the writer is the writer's feeling.
  @Test(arguments: [("He betrayed me.", "betrayal"), ("She lied to me and I feel betrayed.", "betrayal")])
  func theOtherPersonsActIsTheWritersFeeling(_ text: String, _ tag: String) {
    #expect(present(text).contains(tag))
    #expect(present(text, handAnalyzer).contains(tag))
  }

  /// A negated or resolved feeling is not the writer's feeling.
  @Test(arguments: [("I'm not angry", "anger"), ("I'm not angry at him anymore.", "anger"), ("I don't feel hurt.", "sadness")])
  func negatedFeelingIsNotTheWriters(_ text: String, _ tag: String) {
    #expect(!present(text).contains(tag))
  }

  /// Word senses: weather, dogs and a chosen walk alone carry no emotion; people at risk and an
  /// uncertain future are not the writer's insecurity; a card paid off, the affair as a topic and
  /// "used to" are no betrayal
  /// (the model learnt betrayal from trust-repair entries alone, topic words and all, and found
  /// it in 29% of RWWD's dev texts before the corpora's texts were presumed negatives).
  @Test(arguments: [
    ("Warm weather today, so we ate lunch on the porch.", "connection"),
    ("A mad dog barked at the mailman all morning.", "anger"),
    ("My parents are vulnerable, so we are staying at home.", "insecurity"),
    ("Nobody knows how long this uncertainty will last.", "insecurity"),
    ("Paid off the second card today. Still a long way to go but there's a number at the end now.", "betrayal"),
    ("We talked about the affair tonight without it becoming a fight.", "betrayal"),
    ("This required patience as I was used to winxp detecting the player.", "betrayal"),
  ])
  func wordSensesDoNotTrigger(_ text: String, _ tag: String) {
    #expect(!present(text).contains(tag))
  }

  /// A chosen walk alone is self-care, not sadness or guilt (the model of 2026-12-03 gave both,
  /// learnt from one training text: a hand-written phrase that rare now keeps its hand weights only).
  @Test func aChosenWalkAloneIsNotSadness() {
    let tags = present("I went for a walk alone and enjoyed the quiet.")
    #expect(!tags.contains("sadness"))
    #expect(!tags.contains("guilt"))
  }

  /// Worries about money, a job and a house, written as RWWD's writers do, once summed enough
  /// small betrayal weights of trust-repair topic words (betrayal 0.21); betrayal's trigger
  /// weight (model.tsv `trigger`, chosen on dev) now needs one feature of weight 3.5.
  @Test func moneyWorriesAreNoBetrayal() {
    let text = "Worried about my job and money in general over the next few months, and about the house."
    #expect(!present(text).contains("betrayal"))
    #expect(present(text).contains("anxiety"))
  }

  /// Finding an affair out is betrayal (talking about it, as a topic, is not).
  @Test func findingOutAnAffairIsBetrayal() {
    #expect(present("I found out about his affair today.").contains("betrayal"))
  }

  /// The writer's own vulnerability is insecurity.
  @Test func feelingVulnerableIsInsecurity() {
    #expect(present("I feel so vulnerable around him since the affair.").contains("insecurity"))
  }

  /// Implied loss: a death in the family is sadness though no feeling is named.
  @Test func impliedLossIsSadness() {
    #expect(present("My grandmother died last night.").contains("sadness"))
  }

  /// A betrayal sentence cannot come out positive.
  @Test func betrayalIsNotPositive() {
    #expect(builtinAnalyzer.analyze("He lied to me about the money again.").valence < 0)
  }

  /// The issue's own example: implied betrayal with no feeling word, and "best friend" and
  /// "confidence" scoring positive, reads negative (the sentence holds the writer's betrayal).
  @Test func brokenConfidenceIsNotPositive() {
    let analysis = builtinAnalyzer.analyze("My best friend told my manager what I said in confidence.")
    #expect(analysis.emotions["betrayal"] != nil)
    #expect(analysis.valence < 0)
  }

  /// Themes are the hand-written ones, which read idioms of acknowledgment.
  @Test func acknowledgmentIdiomIsATheme() {
    #expect(present("He admitted what he did").contains("acknowledgment"))
  }

  /// The betrayal idiom the model misses, read by the hand-written betrayal patterns the
  /// default keeps (`Lexicon.handWrittenEmotions`).
  @Test func betrayalIdiomIsBetrayal() {
    #expect(present("He went behind my back").contains("betrayal"))
    #expect(!present("He went behind my back", fittedAnalyzer).contains("betrayal"))
  }

  /// Plain statements of a feeling name it: the floor any refit must keep (a refit without
  /// the hand-written betrayal patterns lost the first four).
  @Test(arguments: [
    ("I feel betrayed.", "betrayal"), ("He betrayed me.", "betrayal"), ("I feel so betrayed by him.", "betrayal"),
    ("He cheated on me and I feel betrayed.", "betrayal"), ("I was so angry.", "anger"), ("I'm furious with him.", "anger"),
    ("I feel resentful about all the years I covered for him.", "resentment"), ("I still resent her for it.", "resentment"),
    ("I'm anxious about tonight.", "anxiety"), ("I'm scared it will happen again.", "anxiety"),
    ("I feel so sad.", "sadness"), ("I cried all night.", "sadness"), ("I feel insecure around him.", "insecurity"),
    ("I don't feel safe with him.", "insecurity"), ("I feel safe with him again.", "safety"), ("I trust her now.", "safety"),
    ("I'm hopeful about us.", "hope"), ("I feel hopeful for the first time in months.", "hope"),
    ("I'm grateful he stayed.", "gratitude"), ("Thank you for listening.", "gratitude"),
    ("I feel guilty about what I said.", "guilt"), ("I'm ashamed of myself.", "guilt"),
    ("I feel close to him tonight.", "connection"), ("We laughed together like old times.", "connection"),
  ])
  func plainStatementsNameTheirFeeling(_ text: String, _ tag: String) {
    #expect(present(text).contains(tag))
  }
}
