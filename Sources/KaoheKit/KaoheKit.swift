// KaoheKit: the assessment as a library, one import for callers. The stages it gathers
// depend only downward: Input → Load → Scoring → Simulation → Rendering (docs/design.md).
@_exported import KaoheModel
@_exported import KaoheInput
@_exported import KaoheLoad
@_exported import KaoheScoring
@_exported import KaoheSimulation
@_exported import KaoheRendering
