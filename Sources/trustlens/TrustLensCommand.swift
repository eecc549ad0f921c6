import ArgumentParser
import Foundation
import TrustLensCore

/// `trustlens`: parses arguments and calls the pipeline library; nothing else lives here.
@main
struct TrustLensCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "trustlens",
    abstract: "Turn trust-repair journals and check-in logs into evidence you can act on.",
    discussion: """
      Examples:
        trustlens run pipelines/demo.yml
        trustlens analyze data/clients --subject folder --format jsonl
        trustlens trends data/clients --subject folder --format table
        trustlens dashboard data/clients --subject folder
        trustlens report --month 2026-03 data/personal --subject me
        trustlens explain "I don't feel safe around him"
        trustlens lexicon check my-lexicon.tsv

      Exit status:
        0  success
        1  the run worked but a --fail-on signal fired
        2  bad usage, bad pipeline file, missing or unreadable input, an output that cannot be written
        3  input errors beyond the tolerance, or no record read at all (see the rejects)
      """,
    version: version,
    subcommands: [Run.self, Analyze.self, Trends.self, Dashboard.self, Report.self, Explain.self, Lexicon.self, Inspect.self]
  )

  /// Runs the command and maps every failure to the contract's exit statuses, one line on
  /// standard error, never a stack trace.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch let failure as any TrustLensFailure {
      fail(failure.localizedDescription, status: failure.exitStatus)
    } catch {
      switch exitCode(for: error) {
      case .success: exit(withError: error)  // --help, --version
      case .validationFailure:
        let message = fullMessage(for: error)
        let shown = TerminalText.escaped(message, keepingLayout: true)
        FileHandle.standardError.write(Data((shown.hasSuffix("\n") ? shown : shown + "\n").utf8))
        Foundation.exit(2)
      default: fail(error.localizedDescription, status: 2)
      }
    }
  }

  static func fail(_ message: String, status: Int32) -> Never {
    diagnostic("Error: \(message)")
    Foundation.exit(status)
  }
}

/// Writes a diagnostic line to standard error, controls from input escaped (`TerminalText`).
func diagnostic(_ line: String) {
  FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
}
