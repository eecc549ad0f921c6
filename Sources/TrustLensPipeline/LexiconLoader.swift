package import TrustLensAnalysis
import Foundation
import TrustLensCore

/// Builds the lexicon a pipeline or command asks for: a built-in lexicon and/or files, in order.
package enum LexiconLoader {
  /// The names of the built-in lexicons: `builtin` (the default: the fitted model's emotions
  /// and valence, the hand-written themes), `fitted` (the whole fitted model) and `hand` (the
  /// hand-written files alone). Any other name is a file.
  package static let builtinNames: Set<String> = ["builtin", "fitted", "hand"]

  /// A command's lexicon list: `builtin` first unless `noBuiltin` or a built-in lexicon is
  /// named (`--lexicon hand` stands in for the default), then the named ones.
  package static func withDefault(_ names: [String], noBuiltin: Bool = false) -> [String] {
    (noBuiltin || names.contains(where: builtinNames.contains) ? [] : ["builtin"]) + names
  }

  package static func load(_ names: [String]) throws(PipelineError) -> Lexicon {
    var lexicon = Lexicon()
    do {
      // The rule word classes always come from the built-in rules, even when custom
      // lexicons replace the built-in tags and valence.
      if !names.contains(where: builtinNames.contains) { try lexicon.addBuiltinRules() }
      for name in names {
        switch name {
        case "builtin": try lexicon.addBuiltin()
        case "fitted": try lexicon.addFitted()
        case "hand": try lexicon.addHandWritten()
        default: try lexicon.addFile(name)
        }
      }
    } catch {
      throw PipelineError(wrapping: error)
    }
    return lexicon
  }

  /// `trustlens lexicon check FILE`: loads one lexicon file and describes it.
  /// - Throws: ``PipelineError`` with the file, line and reason of the first problem.
  package static func check(_ path: String) throws(PipelineError) -> String {
    var lexicon = Lexicon()
    guard let text = FileBytes.text(path) else {
      throw PipelineError(file: path, line: nil, "cannot read the lexicon (missing, unreadable or not UTF-8)")
    }
    do {
      try lexicon.addFile(path)
    } catch {
      throw PipelineError(wrapping: error)
    }
    let format = LexiconFormat.detect(path: path, text: text)
    let counts = lexicon.patternCounts
    let categories = lexicon.categories.map(\.name)
    let custom = categories.filter { Taxonomy.kind(of: $0) == nil }
    return TerminalText.escaped(
      """
      \(path): valid \(format.rawValue) lexicon: \(counts.tags) tag patterns, \(counts.valence) valence entries
      categories: \(categories.isEmpty ? "none" : categories.joined(separator: ", "))
      custom categories (outside the built-in taxonomy): \(custom.isEmpty ? "none" : custom.joined(separator: ", "))

      """, keepingLayout: true)
  }
}
