public import TrustLensAnalysis
import Foundation

/// Builds the lexicon a pipeline or command asks for: `builtin` and/or files, in order.
public enum LexiconLoader {
  public static func load(_ names: [String]) throws(PipelineError) -> Lexicon {
    var lexicon = Lexicon()
    do {
      for name in names {
        if name == "builtin" { try lexicon.addBuiltin() } else { try lexicon.addFile(name) }
      }
    } catch {
      throw PipelineError(error.localizedDescription)
    }
    return lexicon
  }
}
