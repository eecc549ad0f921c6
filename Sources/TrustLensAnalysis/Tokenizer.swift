/// One token of an analysed text: a word, a number, an emoji or an emoticon.
struct Token: Sendable {
  /// The id of the normalised token in the lexicon's vocabulary, or -1 when unknown.
  /// Normalised: lower case, straight apostrophes, apostrophe-less contractions restored
  /// (`dont` → `don't`), letter runs of three or more shortened.
  var id: Int32
  /// The token's stems (prefix patterns it matches) in the tokenizer's stem list.
  var stemStart: Int32
  var stemCount: UInt8
  /// Unicode-scalar offsets of the token in the original text, half-open.
  var start: Int
  var end: Int
  /// UTF-8 offsets of the token in the original text, half-open.
  var byteStart: Int
  var byteEnd: Int
  /// 0-based sentence index.
  var sentence: Int
  /// 0-based clause index across the whole text; a clause ends at `, ; : — ( )`, at a
  /// sentence end and before a contrast or clause word.
  var clause: Int
  /// Written in capitals (two letters or more), as emphasis.
  var isShouted: Bool
  /// A word (letters or digits) rather than an emoji or emoticon.
  var isWord: Bool
}

/// Facts about one sentence that rules need.
struct SentenceInfo: Sendable {
  var exclamations = 0
  var isQuestion = false
}

/// A text split into tokens and sentences.
struct TokenizedText {
  var tokens: [Token] = []
  var sentences = [SentenceInfo()]
  /// Stem ids of all tokens (see `Token.stemStart`).
  var stems: [Int32] = []
  /// The text's UTF-8 bytes (evidence slices them).
  var bytes: [UInt8] = []
}

/// Splits messy real text into tokens and sentences, on UTF-8 bytes with an ASCII fast path.
///
/// Handles curly and straight apostrophes, contractions with and without apostrophes, case,
/// accents (letters of any script are word characters), emoji and emoticons, repeated
/// letters and punctuation, list markers and Markdown remnants (`#`, `*`, `_`, `>` are
/// ignored). A sentence ends at `.`, `!`, `?` (runs count once) and at every line end.
struct Tokenizer: Sendable {
  let vocabulary: Vocabulary
  /// Per word id, the id it stands for: `dont` → `don't`; itself otherwise.
  let redirects: [Int32]
  /// Per word id: whether a new clause starts at it (`but`, `and`, …).
  let startsClause: [Bool]

  static let emoticons: [[UInt8]] = [
    ":-)", ":)", ":-(", ":(", ":-d", ":d", ";-)", ";)", ":'(", ":/", ":-/", ":p", ":-p", "<3",
    "</3", ":|", ":-|", ":o", "xd", "=)", "=(",
  ].map { Array($0.utf8) }

  func tokenize(_ text: String) -> TokenizedText {
    var result = TokenizedText()
    result.bytes = Array(text.utf8)
    result.tokens.reserveCapacity(result.bytes.count / 4 + 4)
    let bytes = result.bytes
    var sentence = 0, clause = 0
    var sentenceHasContent = false
    var index = 0  // byte offset
    var scalarIndex = 0
    var word: [UInt8] = []
    word.reserveCapacity(32)

    func endSentence() {
      guard sentenceHasContent else { return }
      sentence += 1
      clause += 1
      result.sentences.append(SentenceInfo())
      sentenceHasContent = false
    }

    while index < bytes.count {
      let (scalar, length) = Tokenizer.decode(bytes, at: index)
      if Tokenizer.isWordScalar(scalar) {
        // Scan the word: word scalars, joined by apostrophes or hyphens between them.
        word.removeAll(keepingCapacity: true)
        let startByte = index, startScalar = scalarIndex
        var end = index, scalars = 0
        var letters = 0, upper = 0
        var current = scalar, currentLength = length
        while true {
          Tokenizer.appendLowered(current, into: &word)
          let value = current.value
          if value < 0x80 {
            if value >= 65 && value <= 90 {
              letters += 1
              upper += 1
            } else if value >= 97 && value <= 122 {
              letters += 1
            }
          } else if current.properties.isAlphabetic {
            letters += 1
            if current.properties.isUppercase { upper += 1 }
          }
          end += currentLength
          scalars += 1
          guard end < bytes.count else { break }
          let (next, nextLength) = Tokenizer.decode(bytes, at: end)
          if Tokenizer.isWordScalar(next) {
            current = next
            currentLength = nextLength
            continue
          }
          if Tokenizer.isJoiner(next), end + nextLength < bytes.count {
            let (after, afterLength) = Tokenizer.decode(bytes, at: end + nextLength)
            if Tokenizer.isWordScalar(after) {
              word.append(next == "-" || next == "‐" ? UInt8(ascii: "-") : UInt8(ascii: "'"))
              end += nextLength
              scalars += 1
              current = after
              currentLength = afterLength
              continue
            }
          }
          break
        }
        let id = lookup(word)
        if startsClause(id), sentenceHasContent { clause += 1 }
        let stemStart = Int32(result.stems.count)
        word.withUnsafeBufferPointer { vocabulary.stems(of: $0, into: &result.stems) }
        result.tokens.append(
          Token(
            id: id, stemStart: stemStart, stemCount: UInt8(min(result.stems.count - Int(stemStart), 255)),
            start: startScalar, end: startScalar + scalars, byteStart: startByte, byteEnd: end, sentence: sentence,
            clause: clause, isShouted: letters >= 2 && upper == letters, isWord: true))
        sentenceHasContent = true
        index = end
        scalarIndex += scalars
        continue
      }
      if let emoticon = emoticon(bytes, at: index) {
        let id = vocabulary.id(bytes: Tokenizer.emoticons[emoticon][...])
        let count = Tokenizer.emoticons[emoticon].count
        result.tokens.append(
          Token(
            id: id, stemStart: Int32(result.stems.count), stemCount: 0, start: scalarIndex, end: scalarIndex + count,
            byteStart: index, byteEnd: index + count, sentence: sentence, clause: clause, isShouted: false, isWord: false))
        sentenceHasContent = true
        index += count
        scalarIndex += count
        continue
      }
      if scalar.value >= 0x80,
        scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && scalar.value > 0x2000)
      {
        let id = vocabulary.id(String(scalar)) ?? -1
        result.tokens.append(
          Token(
            id: id, stemStart: Int32(result.stems.count), stemCount: 0, start: scalarIndex, end: scalarIndex + 1,
            byteStart: index, byteEnd: index + length, sentence: sentence, clause: clause, isShouted: false, isWord: false))
        sentenceHasContent = true
        index += length
        scalarIndex += 1
        continue
      }
      let nextScalar: Unicode.Scalar? = index + length < bytes.count ? Tokenizer.decode(bytes, at: index + length).0 : nil
      switch scalar {
      case "!":
        result.sentences[sentence].exclamations += 1
        if nextScalar != "!" && nextScalar != "?" { endSentence() }
      case "?":
        result.sentences[sentence].isQuestion = true
        if nextScalar != "!" && nextScalar != "?" { endSentence() }
      case ".", "…":
        if !(nextScalar.map(Tokenizer.isWordScalar) ?? false) { endSentence() }
      case "\n", "\r", "\u{2028}", "\u{2029}":
        endSentence()
      case ",", ";", ":", "(", ")", "—", "–", "\"", "“", "”":
        clause += 1
      case "-" where nextScalar == " ":
        clause += 1
      default:
        break
      }
      index += length
      scalarIndex += 1
    }
    if !sentenceHasContent && result.sentences.count > 1 { result.sentences.removeLast() }
    return result
  }

  @inline(__always)
  private func startsClause(_ id: Int32) -> Bool { id >= 0 && Int(id) < startsClause.count && startsClause[Int(id)] }

  /// The id of a normalised word: letter runs of three or more are shortened to two, or to
  /// one when only that is a known word (`soooo` → `so`); contractions are redirected.
  private func lookup(_ word: [UInt8]) -> Int32 {
    var hasRun = false
    if word.count >= 3 {
      for i in 2..<word.count where word[i] == word[i - 1] && word[i] == word[i - 2] && word[i] >= 0x61 && word[i] <= 0x7A {
        hasRun = true
        break
      }
    }
    var id: Int32
    if hasRun {
      let two = Tokenizer.shortenRuns(word, keep: 2), one = Tokenizer.shortenRuns(word, keep: 1)
      id = vocabulary.id(bytes: two[...])
      if id < 0 { id = vocabulary.id(bytes: one[...]) }
    } else {
      id = vocabulary.id(bytes: word[...])
    }
    if id >= 0 { id = redirects[Int(id)] }
    return id
  }

  /// Runs of three or more equal ASCII letters shortened to `keep` letters.
  static func shortenRuns(_ word: [UInt8], keep: Int) -> [UInt8] {
    var result: [UInt8] = []
    var run = 0
    for (i, byte) in word.enumerated() {
      run = i > 0 && word[i - 1] == byte ? run + 1 : 1
      if run <= keep || !(byte >= 0x61 && byte <= 0x7A) { result.append(byte) }
    }
    return result
  }

  /// Lower-cases a scalar into `word` as UTF-8, with straight apostrophes and hyphens.
  @inline(__always)
  static func appendLowered(_ scalar: Unicode.Scalar, into word: inout [UInt8]) {
    let value = scalar.value
    if value < 0x80 {
      word.append(value >= 65 && value <= 90 ? UInt8(value + 32) : UInt8(value))
      return
    }
    switch scalar {
    case "’", "‘", "ʼ": word.append(UInt8(ascii: "'"))
    case "‐": word.append(UInt8(ascii: "-"))
    default: word.append(contentsOf: String(scalar).lowercased().utf8)
    }
  }

  /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
  @inline(__always)
  static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
    let b0 = UInt32(bytes[index])
    if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
    if b0 < 0xE0 {
      return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F) ?? "\u{FFFD}", 2)
    }
    if b0 < 0xF0 {
      let value = (b0 & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F
      return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
    }
    let value =
      (b0 & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
      | UInt32(bytes[index + 3]) & 0x3F
    return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
  }

  private func emoticon(_ bytes: [UInt8], at index: Int) -> Int? {
    let first = bytes[index]
    guard first == UInt8(ascii: ":") || first == UInt8(ascii: ";") || first == UInt8(ascii: "<")
      || first == UInt8(ascii: "=") || first == UInt8(ascii: "x") || first == UInt8(ascii: "X")
    else { return nil }
    for (number, candidate) in Tokenizer.emoticons.enumerated() {
      let count = candidate.count
      guard index + count <= bytes.count else { continue }
      var same = true
      for offset in 0..<count {
        var byte = bytes[index + offset]
        if byte >= 65 && byte <= 90 { byte += 32 }
        if byte != candidate[offset] {
          same = false
          break
        }
      }
      guard same else { continue }
      // An emoticon must stand alone: not glued to a following letter (":desk").
      if index + count < bytes.count, Tokenizer.isWordScalar(Tokenizer.decode(bytes, at: index + count).0) { continue }
      if number == 18 /* xd */, index > 0, bytes[index - 1] < 0x80, Tokenizer.isWordScalar(Unicode.Scalar(bytes[index - 1])) {
        continue
      }
      return number
    }
    return nil
  }

  @inline(__always)
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (value >= 97 && value <= 122) || (value >= 65 && value <= 90) || (value >= 48 && value <= 57)
    }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
  }

  /// Apostrophes and hyphens join two word parts (`don't`, `self-care`).
  @inline(__always)
  static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "'", "’", "‘", "ʼ", "-", "‐": return true
    default: return false
    }
  }

  static func normalizeApostrophes(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "’" || $0 == "‘" || $0 == "ʼ" || $0 == "‐" }) else {
      return text
    }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "’", "‘", "ʼ": result.unicodeScalars.append("'")
      case "‐": result.unicodeScalars.append("-")
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
