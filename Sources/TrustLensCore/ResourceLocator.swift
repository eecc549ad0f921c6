import Foundation

/// Finds a module's bundled resource folder at run time without `Bundle.module` (which
/// aborts the process when the bundle is missing).
///
/// Looks, in order: in the folder named by an environment variable, in the SwiftPM resource
/// bundle beside the executable (or the test runner), then in the source tree the module was
/// built from. A folder counts when it holds `marker`.
public enum ResourceLocator {
  public static func folder(
    environment variable: String, bundle: String, subfolder: String, sourceFolder: String, marker: String
  ) -> (found: String?, searched: [String]) {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment[variable] { candidates.append(override) }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    for base in [Bundle.main.bundleURL, executable.deletingLastPathComponent()] {
      candidates.append(base.appendingPathComponent(bundle).appendingPathComponent(subfolder).path)
    }
    candidates.append(sourceFolder)
    let found = candidates.first { FileManager.default.fileExists(atPath: $0 + "/" + marker) }
    return (found, candidates)
  }
}
