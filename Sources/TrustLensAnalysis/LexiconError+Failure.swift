import TrustLensCore

extension LexiconError: TrustLensFailure {}
