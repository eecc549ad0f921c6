import Testing
import TrustLensCore
import TrustLensTrends

/// Self-care neglect (`Detectors+SelfCare.swift`): a fall of the subject's own self-care at the
/// end of its course, in its ratings or in its writing.
@Suite struct SelfCareNeglectTests {
  let assessor = Assessor()

  func neglect(_ b: TimelineBuilder) -> Signal? {
    assessor.assess(b.timeline).signals.first { $0.kind == "self-care-neglect" }
  }

  /// Twelve weeks of weekly check-ins, self-care rated `before` for the first eight and
  /// `after` for the last four, with hurt in the journal and no self-care written at all.
  func ratingsCourse(before: Double, after: Double) -> TimelineBuilder {
    var b = TimelineBuilder()
    for week in 0..<12 {
      b.checkIn(day: week * 7, trust: 5, selfCare: week < 8 ? before : after)
      b.entry(day: week * 7 + 2, tags: week % 2 == 0 ? ["anger": 0.7] : [:])
    }
    return b
  }

  @Test func aFallInTheSelfCareRatingsAloneIsNeglect() throws {
    let signal = try #require(neglect(ratingsCourse(before: 7, after: 2)))
    #expect(signal.evidence == ["self-care rated 2 (median) in 4 check-ins since 2026-02-25, down from 7 in 8 before"])
    #expect(signal.strength == 0.6)
  }

  @Test func selfCareRatedLowAllAlongIsALevelNotNeglect() {
    #expect(neglect(ratingsCourse(before: 2, after: 2)) == nil)
    #expect(neglect(ratingsCourse(before: 4, after: 2.5)) == nil, "a fall of 1.5 is less than self_care_fall")
  }

  @Test func lowRatingsWithNothingEarlierToCompareAreNeglect() {
    var b = TimelineBuilder()
    for week in 0..<4 { b.checkIn(day: week * 7, trust: 5, selfCare: 2) }
    #expect(neglect(b)?.evidence == ["self-care rated 2 (median) in 4 check-ins since 2026-01-05"])
  }

  /// A journal without check-ins: self-care written in the first weeks, then a run of bad
  /// self-care (every other entry) over the last four weeks.
  func writingCourse(goodSelfCareAtTheEnd: Bool) -> TimelineBuilder {
    var b = TimelineBuilder()
    for index in 0..<30 {
      let day = index * 3
      let late = day >= 60
      var tags: [String: Double] = index % 3 == 0 ? ["sadness": 0.6] : [:]
      if !late, index % 2 == 0 { tags["self-care"] = 0.7 }
      if late, index % 2 == 0 { tags["self-neglect"] = 0.8 }
      if late, goodSelfCareAtTheEnd, index % 4 == 1 { tags["self-care"] = 0.7 }
      b.entry(day: day, tags: tags)
    }
    return b
  }

  @Test func aRunOfBadSelfCareInTheWritingAloneIsNeglect() throws {
    let signal = try #require(neglect(writingCourse(goodSelfCareAtTheEnd: false)))
    #expect(signal.evidence.first == "bad self-care in 5 of 10 texts since 2026-03-05, good self-care in 0")
  }

  @Test func badSelfCareBesideGoodSelfCareIsNotNeglect() {
    #expect(neglect(writingCourse(goodSelfCareAtTheEnd: true)) == nil)
  }

  @Test func noSelfCareWrittenWhileDistressDominatesIsNeglect() {
    var b = TimelineBuilder()
    for index in 0..<12 { b.entry(day: index * 3, tags: index % 4 == 3 ? [:] : ["anger": 0.7]) }
    #expect(neglect(b)?.evidence == ["self-care in 0 of 10 texts since 2026-01-10 while distress is in 7"])
  }

  @Test func noSelfCareWrittenWithoutMuchDistressIsNotNeglect() {
    var b = TimelineBuilder()
    for index in 0..<12 { b.entry(day: index * 3, tags: index % 3 == 0 ? ["anger": 0.7] : ["hope": 0.6]) }
    #expect(neglect(b) == nil)
  }
}
