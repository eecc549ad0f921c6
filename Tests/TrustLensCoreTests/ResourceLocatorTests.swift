import Foundation
import Testing
import TestSupport
import TrustLensCore

#if canImport(Glibc)
  import Glibc
#endif

/// Resource folders: only trusted ones count, and never one from the current folder.
@Suite struct ResourceLocatorTests {
  static func bundle(in folder: URL, _ name: String) -> String {
    let path = folder.path + "/" + name + "/Templates"
    TestSupport.write("x", name + "/Templates/report.html.mustache", in: folder)
    chmod(folder.path + "/" + name, 0o755)
    chmod(path, 0o755)
    chmod(path + "/report.html.mustache", 0o644)
    return path
  }

  @Test func aFolderGroupOrOthersCanWriteIsIgnoredWithTheReason() {
    let folder = TestSupport.temporaryFolder()
    let open = Self.bundle(in: folder, "open"), good = Self.bundle(in: folder, "good")
    chmod(open, 0o777)
    let located = ResourceLocator.firstTrusted([open, good], marker: "report.html.mustache")
    #expect(located.found == good)
    #expect(located.searched.first == "\(open) (ignored: group or others can write \(open))")
    chmod(good + "/report.html.mustache", 0o666)
    #expect(ResourceLocator.firstTrusted([good], marker: "report.html.mustache").found == nil)
    // Any file read from the folder counts, not only the marker.
    chmod(good + "/report.html.mustache", 0o644)
    TestSupport.write("x", "good/Templates/summary.md.mustache", in: folder)
    chmod(good + "/summary.md.mustache", 0o646)
    #expect(ResourceLocator.firstTrusted([good], marker: "report.html.mustache").found == nil)
    chmod(good + "/summary.md.mustache", 0o644)
    #expect(ResourceLocator.firstTrusted([good], marker: "report.html.mustache").found == good)
  }

  @Test func aFolderOfAnotherUserIsIgnored() throws {
    guard geteuid() == 0 else {
      Issue.record("giving a folder to another user needs root; run the suite as root (as CI does)")
      return
    }
    let folder = TestSupport.temporaryFolder()
    let theirs = Self.bundle(in: folder, "theirs")
    #expect(chown(theirs, 65534, 65534) == 0)
    #expect(ResourceLocator.firstTrusted([theirs], marker: "report.html.mustache").found == nil)
  }

  /// A `TrustLens_*.resources` folder in the current folder is not among the places looked at.
  @Test func theCurrentFolderIsNeverSearched() {
    let located = ResourceLocator.folder(
      environment: "TRUSTLENS_NO_SUCH_VARIABLE", bundle: "TrustLens_TrustLensExport.resources", subfolder: "Templates",
      sourceFolder: "/nonexistent", marker: "report.html.mustache")
    let current = FileManager.default.currentDirectoryPath
    #expect(!located.searched.contains { $0.hasPrefix(current + "/TrustLens_") || $0.hasPrefix("TrustLens_") })
  }
}
