import Foundation
import TrustLensPipeline

/// Progress on standard error for runs longer than a second: an updating line on a terminal,
/// a plain line every five seconds when piped or in CI. While reading it shows the records, the
/// bytes read (with the share, rate and time left when the inputs' size is known); while
/// writing, the outputs by name.
final class ProgressMeter {
  private let start = Date()
  private var lastShown = Date.distantPast
  private let terminal = isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
  private var shown = false

  /// Shows `progress` when the run has gone on for a second and the last line is old enough.
  func update(_ progress: RunProgress) {
    let now = Date()
    let elapsed = now.timeIntervalSince(start)
    guard elapsed >= 1, now.timeIntervalSince(lastShown) >= (terminal ? 0.2 : 5) else { return }
    lastShown = now
    show(progress.text(elapsed: elapsed, bar: terminal))
  }

  private func show(_ text: String) {
    if terminal {
      FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
      shown = true
    } else {
      FileHandle.standardError.write(Data((text + "\n").utf8))
    }
  }

  func finish() {
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
  }
}

/// The terminal's width in columns: `COLUMNS`, else the window size of standard output, else 80.
func terminalWidth() -> Int {
  if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
  var size = winsize()
  if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
  return 80
}

