public import Foundation

/// Paths and temporary folders shared by the test targets.
public enum TestSupport {
  /// The repository root (the folder holding Package.swift).
  public static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  /// A new empty folder under this test process's folder in the system's temporary folder,
  /// which is removed when the process exits (test runs no longer pile folders up in /tmp).
  public static func temporaryFolder(_ name: String = #function) -> URL {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = processFolder.appendingPathComponent("\(safe)-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// `trustlens-tests-PID` in the temporary folder, made once and removed at exit.
  private static let processFolder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("trustlens-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("trustlens-tests-\(getpid())")
      try? FileManager.default.removeItem(at: url)
    }
    return url
  }()

  /// Writes `text` to `name` inside `folder` and returns the file's path.
  @discardableResult
  public static func write(_ text: String, _ name: String, in folder: URL) -> String {
    let url = folder.appendingPathComponent(name)
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(text.utf8).write(to: url)
    return url.path
  }

  /// The text of one part of a zip file (an .xlsx), read with `unzip -p`. The name is matched
  /// literally (unzip reads `[` as a wildcard: `[Content_Types].xml`).
  public static func zipPart(_ path: String, _ part: String) throws -> String {
    try unzip(["-p", path, part.replacingOccurrences(of: "[", with: "[[]")]).output
  }

  /// The names of the parts of a zip file.
  public static func zipListing(_ path: String) throws -> [String] {
    try unzip(["-Z1", path]).output.split(separator: "\n").map(String.init)
  }

  /// Whether `unzip -t` finds every part of a zip file whole (CRC-32s included).
  public static func zipTestsWhole(_ path: String) throws -> Bool {
    try unzip(["-tq", path]).status == 0
  }

  /// What `unzip` with these arguments prints, and its exit status.
  private static func unzip(_ arguments: [String]) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  /// Writes raw bytes to `name` inside `folder` and returns the file's path.
  @discardableResult
  public static func write(bytes: [UInt8], _ name: String, in folder: URL) -> String {
    let url = folder.appendingPathComponent(name)
    try? Data(bytes).write(to: url)
    return url.path
  }
}
