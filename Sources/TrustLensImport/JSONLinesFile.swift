/// Line-by-line access to a file for other stages (reading back spilled records).
public enum LineFile {
  /// Calls `body` with each line's bytes (without its line end) and 1-based number.
  /// Lines longer than `maxLength` are passed as empty with `tooLong` set.
  public static func forEachLine(
    _ path: String, maxLength: Int = 1 << 26,
    _ body: (_ bytes: [UInt8], _ number: Int, _ tooLong: Bool) throws -> Void
  ) throws {
    let source = try ByteSource(path: path)
    var lines = LineReader(source: source, maxLength: maxLength)
    while let line = try lines.next() { try body(line.bytes, line.number, line.tooLong) }
  }
}
