public import TrustLensCore

extension LexiconError: TrustLensFailure {}
