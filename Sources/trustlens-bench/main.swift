import Foundation
import TrustLensCore
import TrustLensImport

/// `trustlens-bench import [MB]`: import throughput per format on one core.
///
/// Build and run in release: `swift run -c release trustlens-bench import 500`.
let arguments = CommandLine.arguments.dropFirst()
let suite = arguments.first ?? "import"
let megabytes = arguments.dropFirst().first.flatMap(Int.init) ?? 500
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trustlens-bench").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

func measure(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

switch suite {
case "import":
  print("import throughput, one core, \(megabytes) MB per format (release build)")
  print("format   MB      entries     seconds   MB/s")
  let only = ProcessInfo.processInfo.environment["BENCH_FORMAT"]
  for (format, ext) in [("jsonl", "jsonl"), ("csv", "csv"), ("jrnl", "txt")] where only == nil || only == format {
    let path = "\(folder)/corpus-\(megabytes).\(ext)"
    var writer = CorpusWriter()
    if !FileManager.default.fileExists(atPath: path) {
      _ = try writer.write(format: format, bytes: megabytes << 20, to: path)
    }
    let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
    let importer = Importer(options: ImportOptions(subject: .fixed("bench"), timeZone: TimeZone(identifier: "UTC")!))
    var entries = 0, rejects = 0
    let seconds = try measure {
      try importer.read(InputFile(path: path, folderSubject: nil)) { record in
        if case .entry = record { entries += 1 } else { rejects += 1 }
      }
    }
    print(
      "\(format.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(format: "%-7.0f %-11d %-9.2f %.0f", size, entries, seconds, size / seconds))"
        + (rejects > 0 ? "  (\(rejects) rejects!)" : ""))
  }
default:
  print("usage: trustlens-bench import [MB]")
  exit(2)
}
