import CXlsxShims
import CXlsxWriter
import Foundation
import Testing
import TestSupport

/// The 64 KB buffers TrustLens gives libxlsxwriter's temporary files (`lxw_tmpfile`).
@Suite struct XlsxTempFilesTests {
  /// While a thread collects, a new temporary file gets a 64 KB buffer (10 KB written stay
  /// in it until flushed; stdio's own 4 KB buffer would have let them through); freeing the
  /// set frees the buffers of closed files and leaves the one whose file is still open.
  @Test func buffersGoToNewFilesAndOutliveOpenOnes() throws {
    let folder = strdup(TestSupport.temporaryFolder().path)!
    defer { free(folder) }
    let buffers = try #require(trustlens_xlsx_buffers_new(2))
    trustlens_xlsx_buffers_collect(buffers)
    let closed = try #require(lxw_tmpfile(folder)), open = try #require(lxw_tmpfile(folder))
    let unbuffered = try #require(lxw_tmpfile(folder))  // past the limit of 2
    trustlens_xlsx_buffers_collect(nil)
    let text = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
    func bytesOnDisk(_ file: UnsafeMutablePointer<FILE>) -> Int {
      var status = stat()
      return fstat(fileno(file), &status) == 0 ? Int(status.st_size) : -1
    }
    for file in [closed, open, unbuffered] { #expect(fwrite(text, 1, text.count, file) == text.count) }
    #expect(bytesOnDisk(closed) == 0 && bytesOnDisk(open) == 0)
    #expect(bytesOnDisk(unbuffered) > 0)
    fclose(closed)
    fclose(unbuffered)
    #expect(trustlens_xlsx_buffers_free(buffers) == 1)
    #expect(fflush(open) == 0 && bytesOnDisk(open) == text.count)  // its buffer is still there
    fclose(open)  // its 64 KB stay allocated: the set is gone
  }
}
