// KaoheTestSupport: what the test targets and the Fuzz package share — the reference readers
// the fast paths are compared with, hand-built fixtures, the repository's folders and the
// seeded generator. Not part of the program.
@_exported import KaoheRandom
