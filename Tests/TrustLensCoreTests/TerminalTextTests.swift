import Testing
import TrustLensCore

/// The one sanitiser: controls escaped and visible, bidirectional controls gone, text
/// without either unchanged.
@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("plain text, ü and 💔", "plain text, ü and 💔"),
    ("\u{1B}[2J\u{1B}[31mred", "\\e[2J\\e[31mred"),
    ("\u{1B}]8;;http://evil.example\u{07}link\u{1B}]8;;\u{07}", "\\e]8;;http://evil.example\\alink\\e]8;;\\a"),
    ("\u{1B}]52;c;SGVsbG8=\u{07}", "\\e]52;c;SGVsbG8=\\a"),
    ("real\rfake", "real\\rfake"), ("abc\u{08}\u{08}xyz", "abc\\b\\bxyz"), ("a\tb\nc", "a\\tb\\nc"),
    ("nul\u{0}del\u{7F}", "nul\\x00del\\x7F"), ("c1\u{9B}31m", "c1\\u{9B}31m"), ("line\u{2028}sep", "line\\u{2028}sep"),
    ("x\u{202E}y\u{2066}z\u{200F}", "xyz"), ("back\\slash", "back\\slash"),
  ])
  func escapesControlsAndDropsBidiControls(_ raw: String, _ shown: String) {
    #expect(TerminalText.escaped(raw) == shown)
  }

  @Test func keepingLayoutLeavesTabsAndLineFeeds() {
    #expect(TerminalText.escaped("a\tb\nc\r\u{1B}", keepingLayout: true) == "a\tb\nc\\r\\e")
  }

  @Test func nothingThatActsIsLeft() {
    let hostile = String(String.UnicodeScalarView((0...0x9F).compactMap(Unicode.Scalar.init) + ["\u{202E}", "\u{2029}"]))
    let shown = TerminalText.escaped(hostile)
    #expect(shown.unicodeScalars.allSatisfy { !TerminalText.needsEscape($0) && !TerminalText.isBidiControl($0) })
  }
}
