import ArgumentParser
import Foundation
import TrustLensPipeline

extension TrustLensCommand {
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show every tag of a text with the words that triggered it.",
      discussion: "Example: trustlens explain \"I don't feel safe around him\"")

    @Argument(help: "The text to explain, or - to read it from standard input.")
    var text: String

    @Option(name: .customLong("lexicon"), help: "A lexicon file to add (repeatable).")
    var lexicons: [String] = []

    func run() throws {
      let input = text == "-" ? try Commands.readExplainInput(FileHandle.standardInput) : text
      print(try Commands.explain(input, lexicons: LexiconLoader.withDefault(lexicons)), terminator: "")
    }
  }
}
