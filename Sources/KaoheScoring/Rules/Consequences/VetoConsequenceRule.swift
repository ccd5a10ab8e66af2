import KaoheModel

/// docs/scoring.md §12.5 — veto (一票否决, level 3): every veto event (§8), by date, then line.
enum VetoConsequenceRule {
    static func consequences(_ vetoes: [Event]) -> [Consequence] {
        vetoes.sorted { a, b in a.date != b.date ? a.date < b.date : a.source.line < b.source.line }.map { veto in
            Consequence(kind: .veto, period: .day(veto.date), evidence: veto.source, facts: .veto(clause: veto.clause))
        }
    }
}
