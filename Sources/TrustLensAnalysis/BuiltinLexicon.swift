import TrustLensCore
import Foundation

/// Finds the built-in lexicon files.
enum BuiltinLexicon {
  /// The folder holding the built-in files: `$TRUSTLENS_LEXICON_DIR`, else the resource
  /// bundle beside the executable, else the source tree this module was built from.
  static func directory() throws(LexiconError) -> String {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Lexicon").path
    let located = ResourceLocator.folder(
      environment: "TRUSTLENS_LEXICON_DIR", bundle: "TrustLens_TrustLensAnalysis.resources", subfolder: "Lexicon",
      sourceFolder: source, marker: "tags.tsv")
    guard let folder = located.found else {
      throw LexiconError(
        file: "builtin", line: nil,
        reason: "the built-in lexicon was not found (looked in \(located.searched.joined(separator: ", ")))")
    }
    return folder
  }

  /// Whether the folder holds the file (the fitted model is optional).
  static func exists(_ name: String, in directory: String) -> Bool {
    FileManager.default.fileExists(atPath: directory + "/" + name)
  }

  static func read(_ name: String, in directory: String) throws(LexiconError) -> String {
    guard let text = FileBytes.text(directory + "/" + name) else {
      throw LexiconError(file: "builtin:\(name)", line: nil, reason: "cannot read the built-in lexicon file")
    }
    return text
  }
}
