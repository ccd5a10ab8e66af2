// KaoheKit: the assessment as a library (docs/library.md). Its own types are the public API;
// of the stages it re-exports, only the Model's Diagnostic, LocalizedText and Language are
// public. The stages' other declarations are package-scoped, so this package's targets (the
// command line, the tests, the sample generator) reach them with this one import and other
// programs do not. The stages depend only downward: Input → Load → Scoring → Simulation →
// Rendering (docs/design.md).
@_exported import KaoheModel
@_exported import KaoheInput
@_exported import KaoheLoad
@_exported import KaoheScoring
@_exported import KaoheSimulation
@_exported import KaoheRendering
