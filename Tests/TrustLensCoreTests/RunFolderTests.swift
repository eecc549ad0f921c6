import Foundation
import Testing
import TestSupport
import TrustLensCore

#if canImport(Glibc)
  import Glibc
#endif

/// The output folder: refused when others could plant links in it, held by one run at a
/// time, subject folders never through a link, and clean-up only of what is TrustLens's.
@Suite struct RunFolderTests {
  @Test func aMissingFolderIsMadePrivate() throws {
    let path = TestSupport.temporaryFolder().path + "/a/out"
    let folder = try RunFolder(path)
    #expect(folder.path == path)
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o700)
    #expect(try FileManager.default.attributesOfItem(atPath: path + "/" + RunFolder.lockName)[.posixPermissions] as? Int == 0o600)
  }

  @Test(arguments: [0o777, 0o770, 0o1777, 0o722])
  func aFolderOthersCanWriteIsRefused(_ mode: Int) throws {
    let path = TestSupport.temporaryFolder().path
    chmod(path, mode_t(mode))
    #expect {
      _ = try RunFolder(path)
    } throws: { error in
      "\(error.localizedDescription)".contains("group or others can write this folder")
    }
    #expect(!FileManager.default.fileExists(atPath: path + "/" + RunFolder.lockName))
  }

  @Test func aReadableFolderKeepsItsMode() throws {
    let path = TestSupport.temporaryFolder().path
    chmod(path, 0o755)
    _ = try RunFolder(path)
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o755)
  }

  @Test func aSecondHolderIsRefusedUntilTheFirstGoes() throws {
    let path = TestSupport.temporaryFolder().path
    var first: RunFolder? = try RunFolder(path)
    #expect {
      _ = try RunFolder(path)
    } throws: { error in
      error.localizedDescription == "\(path): cannot write: another TrustLens run is writing into this folder; try again when it has finished"
    }
    withExtendedLifetime(first) {}
    first = nil
    // Released with its holder. (A process being spawned by another test at that instant
    // holds the descriptor until its exec closes it: allow it a moment.)
    var again: RunFolder?
    for _ in 0..<50 where again == nil {
      again = try? RunFolder(path)
      if again == nil { usleep(20_000) }
    }
    #expect(again != nil)
  }

  @Test func aLinkedLockFileIsRefused() throws {
    let folder = TestSupport.temporaryFolder()
    let target = folder.path + "/created-by-the-lock"
    try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
    #expect(symlink(target, folder.path + "/out/" + RunFolder.lockName) == 0)
    #expect(throws: AtomicFile.WriteError.self) { _ = try RunFolder(folder.path + "/out") }
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  @Test func aSubjectFolderThatIsALinkIsRefused() throws {
    let folder = TestSupport.temporaryFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/elsewhere", withIntermediateDirectories: true)
    #expect(symlink(folder.path + "/elsewhere", folder.path + "/c01") == 0)
    #expect {
      try RunFolder.makeSubfolder(folder.path + "/c01")
    } throws: { error in
      error.localizedDescription.contains("symbolic link")
    }
    try RunFolder.makeSubfolder(folder.path + "/c02")
    try RunFolder.makeSubfolder(folder.path + "/c02")
    chmod(folder.path + "/c02", 0o755)
    try RunFolder.makeSubfolder(folder.path + "/c02")
    #expect(try FileManager.default.attributesOfItem(atPath: folder.path + "/c02")[.posixPermissions] as? Int == 0o700)
  }

  /// Opening cleans the folder and its subject folders of what ended runs left; other files,
  /// live processes' temporaries and anything deeper stay.
  @Test func openingRemovesOnlyStaleTemporariesAndTheScratchFolder() throws {
    let folder = TestSupport.temporaryFolder()
    let ended = try AtomicFileTemporaryTests.endedProcess()
    let stale = ".report.html.tmp-\(ended)-00000000000000aa", live = ".report.html.tmp-\(getpid())-00000000000000bb"
    let kept = [
      live, ".x.tmp-1", "c01/.x.tmp-1", "c01/" + live, "rm/projects/thesis/.chapter1.docx.tmp-\(ended)-00000000000000cc",
      "keep.txt",
    ]
    for name in kept + [stale, "c01/" + stale, ".trustlens-tmp/lxw1", "c01/.trustlens-tmp/lxw2"] {
      TestSupport.write("x", name, in: folder)
    }
    _ = try RunFolder(folder.path, scratch: ".trustlens-tmp")
    let left = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { !FileManager.default.isDirectory($0, in: folder) }
    #expect(left.sorted() == (kept + [".trustlens.lock"]).sorted())
  }
}

extension FileManager {
  fileprivate func isDirectory(_ name: String, in folder: URL) -> Bool {
    var isFolder: ObjCBool = false
    return fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
  }
}
