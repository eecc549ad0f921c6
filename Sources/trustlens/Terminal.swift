import Foundation

/// Progress on standard error for runs longer than a second: an updating line on a terminal,
/// a plain line every five seconds when piped or in CI.
final class ProgressMeter {
  private let start = Date()
  private var lastShown = Date.distantPast
  private let terminal = isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
  private var shown = false

  private var stage = ""
  private var stageStart = Date()

  /// A stage's count so far; shown once the stage has run for a second.
  func update(_ stage: String, _ count: Int) {
    let now = Date()
    if stage != self.stage {
      self.stage = stage
      stageStart = now
    }
    let elapsed = now.timeIntervalSince(stageStart)
    guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastShown) >= (terminal ? 0.2 : 5) else { return }
    lastShown = now
    let rate = elapsed > 0 ? Int(Double(count) / elapsed) : count
    let unit = stage.hasPrefix("reading") ? "records" : "files"
    let bar = terminal ? ProgressMeter.bar(count) + " " : ""
    let text = "\(bar)\(stage): \(count) \(unit), \(rate) \(unit)/s"
    if terminal {
      FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
      shown = true
    } else {
      FileHandle.standardError.write(Data((text + "\n").utf8))
    }
  }

  /// A moving bar (the total is not known while streaming).
  static func bar(_ count: Int) -> String {
    let width = 12, position = (count / 1000) % width
    return "[" + String(repeating: "=", count: position) + ">" + String(repeating: " ", count: width - position - 1) + "]"
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

