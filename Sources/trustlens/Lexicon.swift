import ArgumentParser
import TrustLensPipeline

extension TrustLensCommand {
  struct Lexicon: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lexicon", abstract: "Work with lexicon files.", subcommands: [Check.self])

    struct Check: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Validate a lexicon file (TrustLens TSV, LIWC .dic, NRC word-level or VADER) with line-numbered errors.",
        discussion: "Example: trustlens lexicon check my-practice.tsv")

      @Argument(help: "The lexicon file.")
      var file: String

      func run() throws {
        print(try LexiconLoader.check(file), terminator: "")
      }
    }
  }
}
