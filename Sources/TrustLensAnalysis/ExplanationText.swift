import Foundation
import TrustLensCore

/// The text `trustlens explain` prints for an ``Explanation``.
///
/// First the valence: the sum S of its terms, how S became the valence, then every term —
/// each valence word with its score before and after the rules, each `!` emphasis, each tag
/// probability's share. Then each present tag with its intensity, its fitted score
/// (bias + length + features, against the threshold) and every feature that moved it
/// (evidence weight, score term, rules), and hand-weighted matches with their weights.
/// Last, the absent tags some feature pushed up, with how far they stayed below their
/// threshold. Matched text has control and bidirectional characters removed, as all
/// terminal output does.
package enum ExplanationText {
  package static func render(_ explanation: Explanation) -> String {
    let analysis = explanation.analysis
    var lines = ["valence \(signed(analysis.valence, 3)) · \(analysis.words) words"]
    let sum = explanation.valenceSum, scale = explanation.valenceScale
    if explanation.valenceTerms.isEmpty && explanation.valenceTags.isEmpty {
      lines.append("  no valence words")
    } else {
      lines.append("  S \(signed(sum)) → S / √(S² + \(number(scale))) = \(signed(analysis.valence, 3))")
    }
    for term in explanation.valenceTerms {
      var line = "  \"\(clean(term.match))\" sentence \(term.sentence), characters \(term.start)–\(term.end): \(signed(term.value))"
      if let base = term.base, !term.rules.isEmpty { line += " (score \(signed(base)); rules: \(term.rules.joined(separator: ", ")))" }
      else if !term.rules.isEmpty { line += " [\(term.rules.joined(separator: ", "))]" }
      lines.append(line)
    }
    for emphasis in explanation.valenceEmphasis {
      lines.append("  \"!\" emphasis, sentence \(emphasis.sentence): \(signed(emphasis.value))")
    }
    let negativeOnly = Lexicon.negativeOnlyEmotions.sorted().joined(separator: " or ")
    for cap in explanation.valenceNegativeOnly {
      lines.append(
        "  sentence \(cap.sentence) holds the writer's \(negativeOnly), which has no positive reading: it counts 0,"
          + " \(signed(cap.value))")
    }
    for term in explanation.valenceTags where abs(term.value) >= 0.005 {
      if let reported = term.reported {
        lines.append(
          "  \(term.tag) intensity \(number(reported)) (as reported; probability \(number(term.probability)))"
            + " × \(signed(term.weight)): \(signed(term.value))")
      } else {
        lines.append("  \(term.tag) probability \(number(term.probability)) × \(signed(term.weight)): \(signed(term.value))")
      }
    }

    let present = explanation.tags.filter(\.isPresent)
    if present.isEmpty { lines.append("no tags") }
    for tag in present {
      lines.append("\(tag.tag) (\(tag.kind.rawValue)) \(number(tag.intensity))")
      if let model = tag.model, !tag.features.isEmpty {
        // A tag the hand-weighted matches give while the model's probability stays below its
        // threshold: its features are no evidence, so they get no weight share.
        let modelPresent = model.gives
        lines.append(
          "  " + scoreLine(model, features: tag.features) + " " + model.thresholdText(features: tag.features, number: number)
            + (modelPresent ? "" : "; present by its hand-weighted matches"))
        let positive = tag.features.reduce(0) { $0 + max($1.value, 0) }
        for feature in tag.features {
          let share =
            modelPresent && feature.value > 0 && positive > 0 ? ", weight \(number(model.probability * feature.value / positive))" : ""
          lines.append("  " + located(feature) + ", score \(signed(feature.value))\(share)" + rules(feature))
        }
      }
      for match in tag.handMatches {
        lines.append("  " + located(match) + ", weight \(number(match.value))" + rules(match))
      }
    }
    let absent = explanation.tags.filter { !$0.isPresent }
    if !absent.isEmpty { lines.append("not tagged, though some words pointed to them:") }
    for tag in absent {
      guard let model = tag.model else { continue }
      lines.append("  \(tag.tag): " + scoreLine(model, features: tag.features) + " " + model.thresholdText(features: tag.features, number: number))
      for feature in tag.features {
        lines.append("    " + located(feature) + ", score \(signed(feature.value))" + rules(feature))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func scoreLine(_ model: Explanation.ModelScore, features: [Explanation.Contribution]) -> String {
    let sum = features.reduce(0) { $0 + $1.value }
    return "score \(signed(model.score)) = bias \(signed(model.bias)) + length \(signed(model.lengthTerm))"
      + " + words \(signed(sum)); probability \(number(model.probability))"
  }

  private static func located(_ item: Explanation.Contribution) -> String {
    "\"\(clean(item.match))\" sentence \(item.sentence), characters \(item.start)–\(item.end)"
  }

  private static func rules(_ item: Explanation.Contribution) -> String {
    item.rules.isEmpty ? "" : " [\(item.rules.joined(separator: ", "))]"
  }

  private static func signed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%+.\(digits)f", value) }
  private static func number(_ value: Double) -> String { String(format: "%.2f", value) }

  /// Input text without control or bidirectional characters, for terminal output.
  static func clean(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && !TerminalText.isBidiControl($0) }))
  }
}
